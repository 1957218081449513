namespace Grastorp.Intake.Core.Tips;

/// <summary>
/// How far a tip has come: <c>received → classified → read → forwarded → closed</c>. The first two are the system's;
/// staff move a tip on from <c>classified</c>, forward only, and a move against this order is refused (409).
/// </summary>
public static class TipStage
{
    public const string Received = "received";
    public const string Classified = "classified";
    public const string Read = "read";
    public const string Forwarded = "forwarded";
    public const string Closed = "closed";

    /// <summary>The stages staff may move a tip to.</summary>
    public static IReadOnlyList<string> StaffMoves { get; } = [Read, Forwarded, Closed];

    /// <summary>Forward only: a tip can be closed without being forwarded, never reopened or unread.</summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (Classified, Read or Forwarded or Closed) => true,
        (Read, Forwarded or Closed) => true,
        (Forwarded, Closed) => true,
        _ => false,
    };
}
