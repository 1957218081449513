using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Municipalities;

/// <summary>Configuration section <c>Municipalities</c>.</summary>
public sealed class MunicipalityOptions
{
    public const string SectionName = "Municipalities";

    /// <summary>The municipalities that take tips (<c>Municipalities:Ids:0</c>, …). Empty means Grästorp, Vara and Essunga.</summary>
    /// <remarks>No default in the initialiser: the configuration binder appends to a list, it would never replace it.</remarks>
    public List<string> Ids { get; set; } = [];

    /// <summary>The municipality of a tip that names none (<c>Municipalities:Default</c>).</summary>
    [Required]
    public string Default { get; set; } = "grastorp";

    /// <summary>The configured ids, or the three default municipalities when none are configured.</summary>
    public IReadOnlyList<string> EffectiveIds() => Ids.Count > 0 ? Ids : [.. MunicipalityCatalog.Known.Select(m => m.Id)];
}
