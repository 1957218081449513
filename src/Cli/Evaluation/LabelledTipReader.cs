namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>
/// Reads labelled JSON Lines <c>{"id","text","themes":[...],"heldOut":true}</c> (<c>heldOut</c> optional); other fields
/// (type, county) are ignored.
/// </summary>
internal static class LabelledTipReader
{
    public static async Task<IReadOnlyList<LabelledTip>> ReadAsync(string path, CancellationToken cancellation)
    {
        var rows = await JsonLinesFile.ReadAsync<Row>(path, cancellation).ConfigureAwait(false);
        return [.. rows.Select(r => r.Row is { Id: not null, Text: not null, Themes.Count: > 0 } row
            ? new LabelledTip(row.Id, row.Text, row.Themes, row.HeldOut)
            : throw new InvalidDataException($"{path}:{r.LineNumber}: needs \"id\", \"text\" and a non-empty \"themes\" list"))];
    }

    private sealed record Row(string? Id, string? Text, IReadOnlyList<string>? Themes, bool HeldOut);
}
