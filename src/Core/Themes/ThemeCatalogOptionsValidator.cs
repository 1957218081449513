using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Themes;

/// <summary>Every configured theme needs a valid id of its own and a name in both languages.</summary>
internal sealed class ThemeCatalogOptionsValidator : IValidateOptions<ThemeCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, ThemeCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var taken = new HashSet<string>([.. ThemeCatalog.BuiltIn.Select(t => t.Id), Theme.Other], StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < options.Extra.Count; i++)
        {
            var theme = options.Extra[i];
            if (!KeyId.IsValid(theme.Id) || !taken.Add(theme.Id))
            {
                failures.Add($"Themes:Extra:{i}:Id must be a new theme id of lower-case letters, digits or '_' (at most 32).");
            }

            if (string.IsNullOrWhiteSpace(theme.Swedish) || string.IsNullOrWhiteSpace(theme.English))
            {
                failures.Add($"Themes:Extra:{i} needs both Swedish and English names.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
