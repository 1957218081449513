using System.Text.Json;

namespace Grastorp.Intake.Cli.Privacy;

/// <summary>A text with the personal data a person marked in it; <c>heldOut</c> lines were never tuned on.</summary>
internal sealed record LabelledText(string Id, string Text, IReadOnlyList<LabelledItem> Expected, bool HeldOut);

/// <summary>One marked item: its kind id (<c>phone</c>, …) and the value exactly as written in the text.</summary>
internal sealed record LabelledItem(string Kind, string Value);

/// <summary>Reads <c>{"id","text","expected":[{"kind","value"}],"heldOut":true}</c> lines; errors name the line, never its text.</summary>
internal static class LabelledTextReader
{
    public static async Task<IReadOnlyList<LabelledText>> ReadAsync(string path, CancellationToken cancellation)
    {
        var texts = new List<LabelledText>();
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
                throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object", ex);
            }

            if (row is not { Id: not null, Text: not null, Expected: not null }
                || row.Expected.Any(e => e.Kind is null || e.Value is null || !Core.Privacy.PersonalDataKinds.TryParse(e.Kind, out _)))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: needs \"id\", \"text\" and an \"expected\" list of {{\"kind\",\"value\"}} with known kinds");
            }

            if (row.Expected.Any(e => !row.Text.Contains(e.Value!, StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: an expected value is not in the text");
            }

            texts.Add(new LabelledText(row.Id, row.Text, [.. row.Expected.Select(e => new LabelledItem(e.Kind!, e.Value!))], row.HeldOut));
        }

        return texts;
    }

    private sealed record Row(string? Id, string? Text, IReadOnlyList<ItemRow>? Expected, bool HeldOut);

    private sealed record ItemRow(string? Kind, string? Value);
}
