namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>
/// One tip as shown: <see cref="Meta"/> and <see cref="Place"/> are single lines; <see cref="Text"/> is the resident's
/// words, set apart by the renderers (quoted in text, its own element in HTML); <see cref="Link"/> opens the whole tip.
/// </summary>
public sealed record TipView(
    string Reference,
    Uri Link,
    string Meta,
    string? Observed,
    string? Place,
    string? Themes,
    string? Terms,
    string Text,
    bool Cut,
    string? Contact)
{
    /// <summary>"Hur vet tipsaren det?" in words (issue #32), or null when the resident did not say.</summary>
    public string? Source { get; init; }
}
