namespace Grastorp.Intake.Core.Tips.Queue;

/// <summary>A queue message that no retry can make readable: it goes to the poison queue at once.</summary>
public sealed class UnreadableTipMessageException : Exception
{
    public UnreadableTipMessageException()
    {
    }

    public UnreadableTipMessageException(string reason)
        : base(reason)
    {
    }

    public UnreadableTipMessageException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
