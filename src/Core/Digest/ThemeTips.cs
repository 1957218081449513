using Grastorp.Intake.Core.Counting;

namespace Grastorp.Intake.Core.Digest;

/// <summary>The week's tips whose primary theme is <see cref="Theme"/>; each tip appears once, under its strongest theme.</summary>
public sealed record ThemeTips(string Theme, IReadOnlyList<StoredTip> Tips);
