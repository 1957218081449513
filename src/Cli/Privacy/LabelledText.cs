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
        var rows = await JsonLinesFile.ReadAsync<Row>(path, cancellation).ConfigureAwait(false);
        return [.. rows.Select(r => Checked(r.Row, $"{path}:{r.LineNumber}"))];
    }

    private static LabelledText Checked(Row row, string where)
    {
        if (row is not { Id: not null, Text: not null, Expected: not null }
            || row.Expected.Any(e => e.Kind is null || e.Value is null || !Core.Privacy.PersonalDataKinds.TryParse(e.Kind, out _)))
        {
            throw new InvalidDataException($"{where}: needs \"id\", \"text\" and an \"expected\" list of {{\"kind\",\"value\"}} with known kinds");
        }

        if (row.Expected.Any(e => !row.Text.Contains(e.Value!, StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{where}: an expected value is not in the text");
        }

        return new LabelledText(row.Id, row.Text, [.. row.Expected.Select(e => new LabelledItem(e.Kind!, e.Value!))], row.HeldOut);
    }

    private sealed record Row(string? Id, string? Text, IReadOnlyList<ItemRow>? Expected, bool HeldOut);

    private sealed record ItemRow(string? Kind, string? Value);
}
