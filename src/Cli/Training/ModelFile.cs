namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// Writes a trained model over the previous one only once it has passed a check (that it loads the way the app loads
/// it), so a failed run leaves the previous model in place.
/// </summary>
internal static class ModelFile
{
    /// <param name="json">The model file's content.</param>
    /// <param name="target">Written through, as a file, a symbolic link or a device (<c>/dev/null</c>) is written to.</param>
    /// <param name="check">Reads a draft file with the same content and throws when it is unusable.</param>
    public static async Task WriteCheckedAsync(string json, FileInfo target, Action<string> check, CancellationToken cancellation)
    {
        var draft = Path.Combine(Path.GetTempPath(), $"grastorp-model-{Guid.NewGuid():N}.json");
        try
        {
            await using (var stream = new FileStream(draft, FileMode.CreateNew, FileAccess.Write))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(json.AsMemory(), cancellation).ConfigureAwait(false);
            }

            check(draft);
            target.Directory?.Create();
            await File.WriteAllTextAsync(target.FullName, json, cancellation).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(draft);
        }
    }
}
