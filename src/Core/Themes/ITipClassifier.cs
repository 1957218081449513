namespace Grastorp.Intake.Core.Themes;

/// <summary>Decides which themes a tip's text is about.</summary>
/// <remarks>Implementations are thread-safe singletons: the queue trigger classifies tips concurrently.</remarks>
public interface ITipClassifier
{
    /// <summary>Every theme id this classifier can return, <see cref="Theme.Other"/> included, in display order.</summary>
    IReadOnlyList<string> Themes { get; }

    /// <summary>Classifies a tip. The result always holds at least one theme; <see cref="Theme.Other"/> only alone.</summary>
    TipClassification Classify(string text);
}
