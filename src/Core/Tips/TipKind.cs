namespace Grastorp.Intake.Core.Tips;

/// <summary>What the resident is sending: something they saw, an idea for the police or municipality, or feedback.</summary>
public enum TipKind
{
    Tip,
    Idea,
    Feedback,
}
