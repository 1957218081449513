using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Tips.Queue;

/// <summary>
/// A received tip on its way through the <c>tips</c> queue. Versioned, because messages outlive deployments:
/// a message written by one release may be read by the next.
/// </summary>
public sealed record TipMessage
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("v")]
    public required int Version { get; init; }

    public required string Reference { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Municipality { get; init; }

    public required TipKind Kind { get; init; }

    public required string Text { get; init; }

    public string? Place { get; init; }

    public DateTimeOffset? ObservedAt { get; init; }

    public string? Contact { get; init; }

    /// <summary>Whether the resident was shown the 112 cue; a message written before the flag existed reads as false.</summary>
    public bool Emergency { get; init; }

    /// <summary>How the resident knows it; a message written before the field existed reads as not said.</summary>
    public string? Source { get; init; }

    /// <summary>Whether to e-mail the contact when the kommunpolis writes; a message written before the field existed reads as no.</summary>
    public bool NotifyByEmail { get; init; }

    public static TipMessage From(ReceivedTip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new()
        {
            Version = CurrentVersion,
            Reference = tip.Reference,
            ReceivedAt = tip.ReceivedAt,
            Municipality = tip.Municipality,
            Kind = tip.Kind,
            Text = tip.Text,
            Place = tip.Place,
            ObservedAt = tip.ObservedAt,
            Contact = tip.Contact,
            Emergency = tip.Emergency,
            Source = tip.Source,
            NotifyByEmail = tip.NotifyByEmail,
        };
    }

    public ReceivedTip ToReceivedTip() => new(Reference, ReceivedAt, Municipality, Kind, Text, Place, ObservedAt, Contact) { Emergency = Emergency, Source = Source, NotifyByEmail = NotifyByEmail };
}
