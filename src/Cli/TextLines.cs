using System.Text.Json;

namespace Grastorp.Intake.Cli;

/// <summary>A JSON Lines input record of <c>classify</c> and <c>mask</c>.</summary>
internal sealed record TextLine(string? Id, string? Text);

/// <summary>
/// The loop <c>classify</c> and <c>mask</c> share: JSON Lines <c>{"id","text"}</c> on stdin, one answer line per record on
/// stdout. A bad line or a failed record is reported by its line number and skipped, never quoted: it may name people.
/// </summary>
internal static class TextLines
{
    /// <returns>0 when every line was answered, 1 when any was skipped.</returns>
    public static async Task<int> MapAsync(CliConsole console, string action, Func<TextLine, object> answer, CancellationToken cancellation)
    {
        var lineNumber = 0;
        var failed = 0;
        while (await console.In.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var input = Parse(line);
            if (input?.Text is null)
            {
                await console.Error.WriteLineAsync($"line {lineNumber}: expected {{\"id\",\"text\"}}; skipped").ConfigureAwait(false);
                failed++;
                continue;
            }

            object output;
            try
            {
                output = answer(input);
            }
#pragma warning disable CA1031 // One record must not stop the others; the type is reported, never the message (it may quote the text).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await console.Error.WriteLineAsync($"line {lineNumber}: {action} failed ({ex.GetType().Name})").ConfigureAwait(false);
                failed++;
                continue;
            }

            await console.Out.WriteLineAsync(JsonSerializer.Serialize(output, CliJson.Options)).ConfigureAwait(false);
        }

        return failed == 0 ? 0 : 1;
    }

    private static TextLine? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<TextLine>(line, CliJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
