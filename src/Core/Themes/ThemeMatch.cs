namespace Grastorp.Intake.Core.Themes;

/// <summary>One theme a tip was put in, how sure the classifier is, and the terms that decided it.</summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Confidence">Between 0 and 1.</param>
/// <param name="Matched">The terms (or features) found in the text that point to this theme, so a person can see why.</param>
public sealed record ThemeMatch(string Theme, double Confidence, IReadOnlyList<string> Matched);
