namespace Grastorp.Intake.Classification;

/// <summary>A lexicon that cannot be used; the message names the file and every problem found, so start-up fails clearly.</summary>
public sealed class LexiconException : Exception
{
    public LexiconException()
    {
    }

    public LexiconException(string message)
        : base(message)
    {
    }

    public LexiconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LexiconException(string source, IReadOnlyList<string> problems)
        : base($"Lexicon '{source}' is invalid: {string.Join("; ", problems ?? [])}")
    {
        Source = source;
        Problems = problems ?? [];
    }

    /// <summary>Each problem on its own, for tests and tools.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
