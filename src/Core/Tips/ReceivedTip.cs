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

    public static ReceivedTip From(TipReference reference, DateTimeOffset receivedAt, TipContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(reference.Value, receivedAt, content.Municipality.Id, content.Kind, content.Text, content.Place, content.ObservedAt, content.Contact);
    }
}
