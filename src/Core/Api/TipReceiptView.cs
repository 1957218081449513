using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Api;

/// <summary>The 202 answer to a submitted tip: its reference, its status and its Swedish ISO week.</summary>
public sealed record TipReceiptView(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("week")] string Week);
