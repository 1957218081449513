using System.Text.Json;

namespace Grastorp.Intake.Cli;

/// <summary>Reads a labelled JSON Lines file for <c>evaluate</c>, <c>train</c> and <c>mask --evaluate</c>.</summary>
internal static class JsonLinesFile
{
    /// <summary>
    /// Every non-blank line as a <typeparamref name="TRow"/> with its line number. A line that is not a JSON object
    /// throws naming the file and line only: the parser's message quotes the character it stopped at, which is a tip's text.
    /// </summary>
    public static async Task<IReadOnlyList<(int LineNumber, TRow Row)>> ReadAsync<TRow>(string path, CancellationToken cancellation)
        where TRow : class
    {
        var rows = new List<(int, TRow)>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellation).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TRow? row;
            try
            {
                row = JsonSerializer.Deserialize<TRow>(line, CliJson.Options);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object", ex);
            }

            rows.Add((lineNumber, row ?? throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object")));
        }

        return rows;
    }
}
