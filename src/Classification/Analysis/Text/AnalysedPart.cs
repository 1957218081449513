namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>A compound part: its lexicon id (or -1), exact vocabulary id (or -1) and stem.</summary>
internal readonly record struct AnalysedPart(int Id, int Exact, string Stem);
