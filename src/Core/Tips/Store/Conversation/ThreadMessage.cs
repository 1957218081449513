namespace Grastorp.Intake.Core.Tips.Store.Conversation;

/// <summary>
/// One message of a tip's conversation: who wrote it (the kommunpolis or the resident, never a name), the text and
/// when. Nothing about the resident's device or address is stored with it, by the same rule as a tip.
/// </summary>
public sealed record ThreadMessage(string Author, string Text, DateTimeOffset At)
{
    /// <summary>The kommunpolis (or another who handles tips) wrote it.</summary>
    public const string Staff = "staff";

    /// <summary>The resident wrote it, on the status page, with the code.</summary>
    public const string Resident = "resident";

    public bool FromStaff => Author == Staff;

    /// <summary>
    /// The thread as both sides read it: a tip's single public reply from before the conversation (issue 32), if it has
    /// one, is the kommunpolis's first message, dated at the tip so it sorts first; then the messages, oldest first.
    /// </summary>
    public static IReadOnlyList<ThreadMessage> Thread(string? earlierReply, DateTimeOffset tipReceivedAt, IEnumerable<ThreadMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var thread = earlierReply is null ? messages : messages.Prepend(new ThreadMessage(Staff, earlierReply, tipReceivedAt));
        return [.. thread.OrderBy(m => m.At)];
    }
}

/// <summary>The result of adding a message.</summary>
public enum MessageOutcome
{
    Added,

    /// <summary>The same form was sent before: its message is stored once, and nothing was added now.</summary>
    AlreadyAdded,

    /// <summary>The conversation holds <see cref="ConversationStore.MaxMessages"/> messages already.</summary>
    Full,

    /// <summary>No such tip is stored (yet), or retention has removed its text.</summary>
    NotFound,

    /// <summary>The tip is closed: it takes no new answers from the resident.</summary>
    Closed,
}
