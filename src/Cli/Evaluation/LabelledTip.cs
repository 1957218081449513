namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>A text with its true themes (the police file also uses <c>themes</c>; Rattfylleri rows carry two).</summary>
internal sealed record LabelledTip(string Id, string Text, IReadOnlyList<string> Themes);
