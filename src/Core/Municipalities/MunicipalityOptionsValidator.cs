using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Municipalities;

/// <summary>Checks <see cref="MunicipalityOptions"/> at start-up, naming the setting that is wrong.</summary>
internal sealed class MunicipalityOptionsValidator : IValidateOptions<MunicipalityOptions>
{
    public ValidateOptionsResult Validate(string? name, MunicipalityOptions options)
    {
        var failures = new List<string>();
        var ids = options.EffectiveIds();
        failures.AddRange(ids.Where(id => !KeyId.IsValid(id))
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
