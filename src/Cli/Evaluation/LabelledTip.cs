namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>A text with its true themes (the police file also uses <c>themes</c>; Rattfylleri rows carry two).</summary>
/// <param name="HeldOut">
/// The tip belongs to a set that is only ever scored (<c>"heldOut": true</c> on its line): the mark travels with the
/// tip, so <c>train</c> refuses it whatever file it was copied into.
/// </param>
internal sealed record LabelledTip(string Id, string Text, IReadOnlyList<string> Themes, bool HeldOut = false);
