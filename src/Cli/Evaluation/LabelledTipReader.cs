using System.Text.Json;

namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>
/// Reads labelled JSON Lines <c>{"id","text","themes":[...],"heldOut":true}</c> (<c>heldOut</c> optional); other fields
/// (type, county) are ignored.
/// </summary>
internal static class LabelledTipReader
{
    public static async Task<IReadOnlyList<LabelledTip>> ReadAsync(string path, CancellationToken cancellation)
    {
        var tips = new List<LabelledTip>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellation).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Row? row;
            try
            {
                row = JsonSerializer.Deserialize<Row>(line, CliJson.Options);
            }
            catch (JsonException ex)
            {
                // Where only: the parser's message quotes the character it stopped at, which is the tip's text.
                throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object", ex);
            }

            if (row is not { Id: not null, Text: not null, Themes.Count: > 0 })
            {
                throw new InvalidDataException($"{path}:{lineNumber}: needs \"id\", \"text\" and a non-empty \"themes\" list");
            }

            tips.Add(new LabelledTip(row.Id, row.Text, row.Themes, row.HeldOut));
        }

        return tips;
    }

    private sealed record Row(string? Id, string? Text, IReadOnlyList<string>? Themes, bool HeldOut);
}
