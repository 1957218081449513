using Grastorp.Intake.Classification;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Cli;

/// <summary>
/// Turns the errors a user can fix (settings, lexicon and model files, malformed input files) into one line on stderr
/// and exit code 2, instead of a stack trace. Their messages name settings, paths and line numbers, never a tip's text.
/// </summary>
internal static class CliErrors
{
    public const int ConfigurationError = 2;

    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or LexiconException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ConfigurationError;
        }
    }
}
