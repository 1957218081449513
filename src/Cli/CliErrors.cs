using Azure;
using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.Storage;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Cli;

/// <summary>
/// Turns the errors a user can fix (settings, lexicon and model files, malformed input files, storage that does not
/// answer or refuses) into one line on stderr and exit code 2, instead of a stack trace. Their messages name settings,
/// paths and line numbers, never a tip's text.
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
        catch (Exception ex) when (MessageOf(ex) is { } message)
        {
            await console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return ConfigurationError;
        }
    }

    /// <summary>The one line to print for an error the user can fix, or null for a fault in the tool (left to crash).</summary>
    internal static string? MessageOf(Exception ex) => ex switch
    {
        // Checked first: an unreachable storage fails with IOException and HttpRequestException too.
        _ when StorageFaults.IsOutage(ex) =>
            "Storage did not answer (AzureWebJobsStorage): start Azurite (./run.sh) or check the setting and the network.",
        RequestFailedException refused =>
            $"Storage refused the request (AzureWebJobsStorage): {refused.Status} {refused.ErrorCode}".TrimEnd(),
        // Core's storage connection names the setting it lacks (AzureWebJobsStorage or its __accountName form).
        InvalidOperationException when ex.Message.Contains(StorageNames.Connection, StringComparison.Ordinal) => OneLine(ex.Message),
        OptionsValidationException or LexiconException or InvalidDataException or IOException or UnauthorizedAccessException => OneLine(ex.Message),
        _ => null,
    };

    private static string OneLine(string message) => message.Trim().ReplaceLineEndings(" ");
}
