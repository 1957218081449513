namespace Grastorp.Intake.Core.Privacy;

/// <summary>One piece of personal data found in a text: <paramref name="Start"/> and <paramref name="Length"/> count UTF-16 code units.</summary>
public sealed record PersonalDataMatch(PersonalDataKind Kind, string Value, int Start, int Length)
{
    /// <summary>The index just past the value.</summary>
    public int End => Start + Length;
}
