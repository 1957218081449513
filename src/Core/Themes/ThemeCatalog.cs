using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Themes;

/// <summary>
/// The themes tips are sorted into, in display order (built-in themes, configured ones, <see cref="Theme.Other"/>
/// last), with their Swedish and English names. Stats, the digest and the pages read this rather than the
/// classifier, so only the hosts that classify need to build one.
/// </summary>
public sealed class ThemeCatalog
{
    public static IReadOnlyList<ThemeName> BuiltIn { get; } =
    [
        new() { Id = Theme.Drugs, Swedish = "Droger", English = "Drugs" },
        new() { Id = Theme.Traffic, Swedish = "Trafik", English = "Traffic" },
        new() { Id = Theme.Burglary, Swedish = "Inbrott och stöld", English = "Burglary and theft" },
    ];

    public static ThemeName OtherName { get; } = new() { Id = Theme.Other, Swedish = "Övrigt", English = "Other" };

    private readonly Dictionary<string, ThemeName> _byId;

    public ThemeCatalog(IOptions<ThemeCatalogOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        All = [.. BuiltIn, .. options.Value.Extra, OtherName];
        _byId = All.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>Every theme, in display order.</summary>
    public IReadOnlyList<ThemeName> All { get; }

    public IReadOnlyList<string> Ids => [.. All.Select(t => t.Id)];

    /// <summary>
    /// The themes to report: the catalogue's, in its order, then any theme counted earlier under a lexicon that no
    /// longer has it, so old counts never silently disappear from stats or digests.
    /// </summary>
    public IReadOnlyList<string> ReportOrder(IEnumerable<string> countedThemes) =>
        [.. Ids.Concat(countedThemes).Distinct(StringComparer.Ordinal)];

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>
    /// The name of a theme in a language. A theme no longer configured (counted under an older lexicon) keeps its
    /// id as its name rather than disappearing.
    /// </summary>
    public string NameOf(string id, string language = "sv") => _byId.TryGetValue(id, out var theme) ? theme.In(language) : id;
}
