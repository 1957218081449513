using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Staff.TipDetail;

/// <summary>
/// One tip as its staff page shows it: the tip, where it is stored, the words of its text that decided its themes,
/// the commitments it counts under, and the tips received just before and after it in the same week.
/// </summary>
public sealed record TipPageView(
    ListedTip Tip,
    TipPartition Partition,
    IReadOnlyList<DecisiveWord> Words,
    IReadOnlyList<ExplainedTheme> Themes,
    IReadOnlyList<(Promise Promise, Commitment Commitment)> Commitments,
    string? Previous,
    string? Next);
