using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Tips;

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

    public static TipMessage From(TipReference reference, DateTimeOffset receivedAt, TipContent content) => new()
    {
        Version = CurrentVersion,
        Reference = reference.Value,
        ReceivedAt = receivedAt,
        Municipality = content.Municipality.Id,
        Kind = content.Kind,
        Text = content.Text,
        Place = content.Place,
        ObservedAt = content.ObservedAt,
        Contact = content.Contact,
    };
}
