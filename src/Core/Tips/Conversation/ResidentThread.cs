using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.Core.Tips.Store.Conversation;

namespace Grastorp.Intake.Core.Tips.Conversation;

/// <summary>
/// What the resident sees after giving the code: the tip's status, the conversation (the old single public reply, if
/// the tip has one, as the first message from the kommunpolis), whether an answer can be sent now and, if not, why,
/// and a fresh form token for the next answer (so a form sent twice adds one message).
/// </summary>
public sealed record ResidentThread(TipStatus Status, IReadOnlyList<ThreadMessage> Messages, AnswerBlock Block, string Token)
{
    public bool CanAnswer => Block == AnswerBlock.None;
}

/// <summary>Why the resident cannot answer now (the page says so in words).</summary>
public enum AnswerBlock
{
    None,

    /// <summary>The tip is not classified and stored yet (or no longer has its text): there is nothing to answer in.</summary>
    NotStored,

    /// <summary>Staff closed the tip: it takes no new answers.</summary>
    Closed,

    /// <summary>The conversation holds <see cref="ConversationStore.MaxMessages"/> messages.</summary>
    Full,
}

/// <summary>Why an answer was not taken: the page shows the form again with a message by the field (GOV.UK pattern).</summary>
public enum AnswerProblem
{
    None,
    Missing,
    TooLong,

    /// <summary>
    /// The text is fine but the form's token is missing or malformed (a client other than the page, or a page from
    /// before tokens): the text is kept and the resident asked to send it again, never told it is empty.
    /// </summary>
    Resend,
}

/// <summary>What came of a resident's answer.</summary>
public sealed record AnswerResult(MessageOutcome? Outcome, AnswerProblem Problem, ResidentThread? Thread, TipCheck Check, TimeSpan RetryAfter)
{
    /// <summary>Malformed or unknown code: the same answer as a status lookup gives, so the two cannot be told apart.</summary>
    public bool NotFound => Thread is null && RetryAfter == TimeSpan.Zero;

    public bool Refused => RetryAfter > TimeSpan.Zero;
}
