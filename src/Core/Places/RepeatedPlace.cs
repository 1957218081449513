namespace Grastorp.Intake.Core.Places;

/// <summary>A place named in several recent tips, with the spelling most used and the themes of those tips.</summary>
public sealed record RepeatedPlace(string Key, string Name, int Tips, IReadOnlyList<string> Themes);
