using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Api;

/// <summary>
/// The answer to the form script's check: the kinds of personal data found (<c>phone</c>, <c>plate</c>, …) and whether
/// the text reads as an emergency happening now. Never the values, never the phrase.
/// </summary>
public sealed record TipCheckView(
    [property: JsonPropertyName("personalData")] IReadOnlyList<string> PersonalData,
    [property: JsonPropertyName("emergency")] bool Emergency);
