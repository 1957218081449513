using System.Text.Json;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// Writes each training text's out-of-fold decision, so figures can be taken on any part of the training data (for
/// instance the police texts a previous model never saw). Ids and theme ids only, never text.
/// </summary>
internal static class OutOfFoldFile
{
    public static async Task WriteAsync(
        string path,
        IReadOnlyList<TrainingExample> examples,
        IReadOnlyDictionary<string, bool[]> outOfFold,
        IReadOnlyList<string> themes,
        CancellationToken cancellation)
    {
        var lines = examples.Select((e, i) =>
        {
            var predicted = themes.Where(t => outOfFold[t][i]).DefaultIfEmpty(Theme.Other).ToArray();
            return JsonSerializer.Serialize(new { id = e.Tip.Id, domain = e.Domain.ToString().ToLowerInvariant(), themes = e.Tip.Themes, predicted }, CliJson.Options);
        });
        await File.WriteAllLinesAsync(path, lines, cancellation).ConfigureAwait(false);
    }
}
