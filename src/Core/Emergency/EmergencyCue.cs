namespace Grastorp.Intake.Core.Emergency;

/// <summary>Whether a text reads as something happening now, and the phrases that said so (from the phrase file, not the text).</summary>
public sealed record EmergencyCue(IReadOnlyList<string> Phrases)
{
    /// <summary>No phrase, or only negated or past ones.</summary>
    public static EmergencyCue None { get; } = new([]);

    /// <summary>Show "Pågår det just nu? Ring 112."</summary>
    public bool IsEmergency => Phrases.Count > 0;
}
