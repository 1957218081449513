using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>
/// Section <c>Digest:Delivery</c>: the one retry policy every transport runs in. The defaults keep a send, retries
/// and ACS polling included, under three and a half minutes even when every attempt times out, inside the
/// function's five; start-up refuses settings whose worst case passes four.
/// </summary>
public sealed class DigestDeliveryOptions
{
    /// <summary>Retries after the first attempt, on transient failures only.</summary>
    [Range(0, 6)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>One attempt (an SMTP session, an ACS request) is abandoned after this long and counts as transient.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the ACS transport waits for the service to report the e-mail sent.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait between two attempts, a server's Retry-After included (a longer one is cut to this).</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest a send can take, every attempt timing out after the longest wait, plus ACS polling: validated at
    /// start-up against the function's five-minute limit.
    /// </summary>
    public TimeSpan WorstCase() => (AttemptTimeout * (MaxRetries + 1)) + (MaxDelay * MaxRetries) + PollTimeout;
}
