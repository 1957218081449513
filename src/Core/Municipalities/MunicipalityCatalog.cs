using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Municipalities;

/// <summary>The configured municipalities, and how to recognise one in what a resident or a member of staff typed.</summary>
public sealed class MunicipalityCatalog
{
    /// <summary>The three municipalities that share one kommunpolis.</summary>
    public static readonly IReadOnlyList<Municipality> Known =
    [
        new("grastorp", "Grästorp"),
        new("vara", "Vara"),
        new("essunga", "Essunga"),
    ];

    public MunicipalityCatalog(IOptions<MunicipalityOptions> options)
    {
        var ids = options.Value.EffectiveIds();
        All = [.. ids.Select(id => Known.FirstOrDefault(m => m.Id == id) ?? new Municipality(id, id))];
        Default = All.First(m => m.Id == options.Value.Default);
    }

    public IReadOnlyList<Municipality> All { get; }

    public Municipality Default { get; }

    /// <summary>Finds a municipality by id or by name, ignoring case ("Grästorp", "grastorp", "GRASTORP").</summary>
    public bool TryFind([NotNullWhen(true)] string? idOrName, [NotNullWhen(true)] out Municipality? municipality)
    {
        var wanted = idOrName?.Trim();
        municipality = All.FirstOrDefault(m =>
            string.Equals(m.Id, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase));
        return municipality is not null;
    }
}
