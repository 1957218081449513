using System.Diagnostics.CodeAnalysis;
using Grastorp.Intake.Core.Themes;
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
        var ids = options.Value.Ids.Count > 0 ? options.Value.Ids : Known.Select(m => m.Id).ToList();
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

    /// <summary>Checks <see cref="MunicipalityOptions"/> at start-up, naming the setting that is wrong.</summary>
    internal sealed class Validator : IValidateOptions<MunicipalityOptions>
    {
        public ValidateOptionsResult Validate(string? name, MunicipalityOptions options)
        {
            var failures = new List<string>();
            var ids = options.Ids.Count > 0 ? options.Ids : Known.Select(m => m.Id).ToList();
            failures.AddRange(ids.Where(id => !Theme.IsValidId(id))
                .Select(id => $"Municipalities:Ids: '{id}' is not a valid id (lower-case a-z, 0-9 and _ only)."));
            if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            {
                failures.Add("Municipalities:Ids: an id is listed twice.");
            }

            if (!ids.Contains(options.Default, StringComparer.Ordinal))
            {
                failures.Add($"Municipalities:Default: '{options.Default}' is not one of Municipalities:Ids ({string.Join(", ", ids)}).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
