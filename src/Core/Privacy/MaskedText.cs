namespace Grastorp.Intake.Core.Privacy;

/// <summary>A text with its personal data replaced by labels, and what was replaced (offsets into the original text).</summary>
public sealed record MaskedText(string Masked, IReadOnlyList<PersonalDataMatch> Found)
{
    /// <summary>The kinds found, each once, in <see cref="PersonalDataKinds.All"/> order: safe to show, unlike the values.</summary>
    public IReadOnlyList<PersonalDataKind> Kinds => [.. PersonalDataKinds.All.Where(k => Found.Any(f => f.Kind == k))];
}
