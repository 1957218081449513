namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>A classified tip as the kommunpolis reads it in the digest.</summary>
public sealed record StoredTip(
    string Reference,
    string Municipality,
    string Kind,
    string Text,
    string? Place,
    DateTimeOffset? ObservedAt,
    string? Contact,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Themes)
{
    /// <summary>When the queue trigger stored it: a tip classified after its week's digest went out is a late tip.</summary>
    public DateTimeOffset ClassifiedAt { get; init; }

    /// <summary>"Hur vet du det här?" (<c>TipSource</c>), null when not said.</summary>
    public string? Source { get; init; }

    /// <summary>Per theme, the terms that decided it, so the kommunpolis can see why a tip landed where it did.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
