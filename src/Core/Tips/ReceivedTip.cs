namespace Grastorp.Intake.Core.Tips;

/// <summary>
/// A validated tip with its reference and the time it was received: what the intake queues and the tip store
/// records. The queue's wire format (<c>TipMessage</c>) maps to and from it, so storage never depends on the queue.
/// </summary>
public sealed record ReceivedTip(
    string Reference,
    DateTimeOffset ReceivedAt,
    string Municipality,
    TipKind Kind,
    string Text,
    string? Place,
    DateTimeOffset? ObservedAt,
    string? Contact)
{
    public TipPartition Partition => TipPartition.Of(Municipality, ReceivedAt);

    /// <summary>
    /// Whether the resident was shown "Pågår det just nu? Ring 112" when they sent it (the flag only, never the
    /// phrase), so the kommunpolis sees which tips read as happening now.
    /// </summary>
    public bool Emergency { get; init; }

    /// <summary>How the resident knows it (<see cref="TipSource"/>), or null when not said.</summary>
    public string? Source { get; init; }

    /// <summary>The resident asked for an e-mail to the contact when the kommunpolis writes (issue 32).</summary>
    public bool NotifyByEmail { get; init; }

    public static ReceivedTip From(TipReference reference, DateTimeOffset receivedAt, TipContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(reference.Value, receivedAt, content.Municipality.Id, content.Kind, content.Text, content.Place, content.ObservedAt, content.Contact) { Source = content.Source, NotifyByEmail = content.NotifyByEmail };
    }
}
