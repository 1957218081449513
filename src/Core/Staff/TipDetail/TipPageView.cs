using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Conversation;

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
    string? Next)
{
    /// <summary>The conversation with the resident, oldest first (issue #32), a public reply from before it first.</summary>
    public IReadOnlyList<ThreadMessage> Conversation { get; init; } = [];

    /// <summary>A fresh token for the page's message form, so the same form sent twice adds one message.</summary>
    public string MessageToken { get; init; } = ConversationStore.NewToken();
}
