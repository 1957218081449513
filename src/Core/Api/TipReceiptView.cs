using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Api;

/// <summary>
/// The 202 answer to a submitted tip: its reference, its status, its Swedish ISO week, and the kinds of personal data
/// found in its text and place (<c>phone</c>, <c>plate</c>, …; never the values), so a form can nudge, and whether it
/// reads as an emergency happening now (never the phrase), so it can say "Ring 112".
/// </summary>
public sealed record TipReceiptView(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("week")] string Week,
    [property: JsonPropertyName("personalData")] IReadOnlyList<string> PersonalData,
    [property: JsonPropertyName("emergency")] bool Emergency);
