using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Promises;

/// <summary>Reads every promise file at start-up, so a wrong one stops the host with a message naming the file and the field.</summary>
internal sealed class PromiseOptionsValidator(ThemeCatalog themes) : IValidateOptions<PromiseOptions>
{
    public ValidateOptionsResult Validate(string? name, PromiseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (_, errors) = PromiseFileReader.ReadDirectory(options.FullDirectory, new HashSet<string>(themes.Ids, StringComparer.Ordinal));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => "Promises: " + e));
    }
}
