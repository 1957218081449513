namespace Grastorp.Intake.Core.Tips.Queue;

/// <summary>What an operator may see of a poisoned message: never the text, place or contact.</summary>
/// <param name="Reference">The tip's reference, or null when the message is too broken to have one.</param>
/// <param name="Reason">Why it cannot be processed as it stands (unreadable, or failed every try).</param>
/// <param name="FirstSeen">When the message was put on the poison queue.</param>
public sealed record PoisonedTip(string? Reference, string Reason, DateTimeOffset? FirstSeen);
