using Grastorp.Intake.Cli.Evaluation;

namespace Grastorp.Intake.Cli.Corrections;

/// <summary>Reads an <c>export-corrections</c> file as training texts.</summary>
internal static class CorrectionFile
{
    /// <summary>
    /// The corrections that still have their text, as labelled tips (the corrected themes are the label); a line without
    /// text is skipped and counted. A line without id or themes throws naming the file and line, never its content.
    /// </summary>
    public static async Task<(IReadOnlyList<LabelledTip> Tips, int WithoutText)> ReadAsync(string path, CancellationToken cancellation)
    {
        var rows = await JsonLinesFile.ReadAsync<Row>(path, cancellation).ConfigureAwait(false);
        var tips = new List<LabelledTip>();
        var withoutText = 0;
        foreach (var (lineNumber, row) in rows)
        {
            if (row is not { Id.Length: > 0, Themes.Count: > 0 })
            {
                throw new InvalidDataException($"{path}:{lineNumber}: needs \"id\" and a non-empty \"themes\" list");
            }

            if (string.IsNullOrWhiteSpace(row.Text))
            {
                withoutText++;
                continue;
            }

            tips.Add(new LabelledTip(row.Id, row.Text, row.Themes, row.HeldOut));
        }

        return (tips, withoutText);
    }

    private sealed record Row(string? Id, string? Text, IReadOnlyList<string>? Themes, bool HeldOut);
}
