using System.Globalization;

namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>Writes an evaluation as Markdown tables, ready to paste into bench/RESULTS.md.</summary>
internal static class EvaluationReport
{
    public static async Task WriteAsync(MultiLabelEvaluation evaluation, string title, TextWriter output, int missesToShow)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"## {title}").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"{evaluation.Count} texts, exact theme set right: {evaluation.ExactMatches}, macro-F1 **{evaluation.MacroF1:0.000}**")).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| theme | support | precision | recall | F1 |").ConfigureAwait(false);
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: |").ConfigureAwait(false);
        foreach (var s in evaluation.Scores)
        {
            await output.WriteLineAsync(string.Create(c, $"| {s.Theme} | {s.Support} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} |")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("Primary theme confusion (rows: gold primary, columns: predicted primary)").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"| gold \\ predicted | {string.Join(" | ", evaluation.Themes)} |").ConfigureAwait(false);
        await output.WriteLineAsync($"| --- |{string.Concat(Enumerable.Repeat(" ---: |", evaluation.Themes.Count))}").ConfigureAwait(false);
        for (var row = 0; row < evaluation.Themes.Count; row++)
        {
            var cells = Enumerable.Range(0, evaluation.Themes.Count).Select(col => evaluation.Confusion[row, col].ToString(c));
            await output.WriteLineAsync($"| {evaluation.Themes[row]} | {string.Join(" | ", cells)} |").ConfigureAwait(false);
        }

        foreach (var miss in evaluation.Misses.Take(missesToShow))
        {
            var predicted = string.Join(" ", miss.Predicted.Themes.Select(t => $"{t.Theme}[{string.Join(",", t.Matched)}]"));
            await output.WriteLineAsync($"miss {miss.Id}: gold {string.Join(",", miss.Gold)} predicted {predicted}").ConfigureAwait(false);
        }
    }
}
