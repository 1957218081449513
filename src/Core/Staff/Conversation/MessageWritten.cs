using Grastorp.Intake.Core.Tips.Store.Conversation;

namespace Grastorp.Intake.Core.Staff.Conversation;

/// <summary>A message the kommunpolis wrote: what the store did with it, and whether the tipster was told by e-mail.</summary>
public sealed record MessageWritten(MessageOutcome Outcome, TipsterNotice Notice = TipsterNotice.NotAsked);
