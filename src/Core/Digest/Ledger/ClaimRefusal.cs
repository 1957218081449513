namespace Grastorp.Intake.Core.Digest.Ledger;

/// <summary>Why a week's digest for a list could not be claimed.</summary>
public enum ClaimRefusal
{
    /// <summary>It went out earlier (a second firing or instance).</summary>
    AlreadySent = 1,

    /// <summary>Another instance claimed it moments ago and is sending it.</summary>
    InProgress,
}
