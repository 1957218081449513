namespace Grastorp.Intake.Core.Promises;

/// <summary>Configuration section <c>Promises</c>: where the promise files are, and whether example files count.</summary>
public sealed class PromiseOptions
{
    public const string SectionName = "Promises";

    /// <summary>The folder of <c>*.json</c> promise files; relative paths start at the application's directory, where the build copies <c>config/promises</c>.</summary>
    public string Directory { get; set; } = "promises";

    /// <summary>
    /// Whether promises marked <c>"example": true</c> are used (linked and shown). Off by default, so a deployment
    /// never publishes an invented promise; the DevHost turns it on. Example files are validated either way.
    /// </summary>
    public bool IncludeExamples { get; set; }

    public string FullDirectory => Path.GetFullPath(Directory, AppContext.BaseDirectory);
}
