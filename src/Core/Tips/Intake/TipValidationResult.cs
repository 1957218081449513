namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>Either a valid tip or, per field, what is wrong with it (the shape of RFC 9457 validation problems).</summary>
public sealed record TipValidationResult(TipContent? Tip, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Tip is not null;
}
