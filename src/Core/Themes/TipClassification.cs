namespace Grastorp.Intake.Core.Themes;

/// <summary>The themes of one tip, strongest first.</summary>
public sealed record TipClassification
{
    public TipClassification(IReadOnlyList<ThemeMatch> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        if (themes.Count == 0)
        {
            throw new ArgumentException("A classification holds at least one theme.", nameof(themes));
        }

        if (themes.Count > 1 && themes.Any(t => t.Theme == Theme.Other))
        {
            throw new ArgumentException($"'{Theme.Other}' is only given when no other theme applies.", nameof(themes));
        }

        Themes = themes;
    }

    /// <summary>Every theme that applies, strongest first.</summary>
    public IReadOnlyList<ThemeMatch> Themes { get; }

    /// <summary>The theme the tip is listed under first.</summary>
    public string Primary => Themes[0].Theme;

    public static TipClassification Unmatched { get; } = new([new ThemeMatch(Theme.Other, 1.0, [])]);
}
