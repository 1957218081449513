using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>One municipality's week: all tips and per theme, each against the week before and the four weeks before.</summary>
public sealed record MunicipalityDigest(Municipality Municipality, ThemeCount Tips, IReadOnlyList<ThemeCount> Themes);
