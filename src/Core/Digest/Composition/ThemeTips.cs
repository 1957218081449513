using Grastorp.Intake.Core.Tips.Store;

namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>
/// The week's tips (kind <c>tip</c>) that have <see cref="Theme"/> among their themes, newest first: a tip with two
/// themes is under both, so the heading's <see cref="Count"/> is the theme's count in the summary.
/// </summary>
/// <param name="IdeasAndFeedback">Ideas and feedback with this theme: counted here, listed in their own section.</param>
public sealed record ThemeTips(string Theme, IReadOnlyList<StoredTip> Tips, int IdeasAndFeedback)
{
    public int Count => Tips.Count + IdeasAndFeedback;
}
