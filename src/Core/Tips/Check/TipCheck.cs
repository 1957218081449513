using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Core.Tips.Check;

/// <summary>
/// What the form tells a resident about what they wrote: the kinds of personal data found in the text or place (never
/// the values), and whether it reads as something happening now. Nothing else leaves the check.
/// </summary>
public sealed record TipCheck(IReadOnlyList<PersonalDataKind> PersonalData, bool Emergency)
{
    /// <summary>Nothing to say.</summary>
    public static TipCheck Nothing { get; } = new([], false);

    /// <summary>Show "Du behöver inte skriva namn, personnummer eller registreringsnummer …".</summary>
    public bool Nudge => PersonalData.Count > 0;
}
