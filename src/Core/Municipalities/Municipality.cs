namespace Grastorp.Intake.Core.Municipalities;

/// <summary>A municipality the kommunpolis serves: its id (used in keys and URLs) and its name as residents write it.</summary>
public sealed record Municipality(string Id, string Name);
