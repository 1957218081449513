using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimit</c>: how many tips, status lookups and tip checks one client may make in any ten
/// minutes, counted in each instance's memory (<see cref="ClientRateLimiter"/>). The defaults are the same in code,
/// README, the local settings template and the Bicep template; tests set their own, higher ones.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary>Off only for a load run that must measure intake rather than 429s.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Tips per client in any ten minutes (a sliding window). No day cap: one would let anyone behind a shared address
    /// (a school's Wi-Fi, a carrier's NAT) shut everyone else behind it out until midnight.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "RateLimit:PerTenMinutes must be between 1 and 1000.")]
    public int PerTenMinutes { get; set; } = 5;

    /// <summary>
    /// Status lookups per client in any ten minutes, found codes and unknown ones alike; one more is refused until the
    /// window has room. A resident checking their tip, even mistyping the code a few times, stays far below it.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "RateLimit:LookupsPerTenMinutes must be between 1 and 1000.")]
    public int LookupsPerTenMinutes { get; set; } = 20;

    /// <summary>
    /// Checks of a tip being written (<c>/api/tips/check</c>) per client in any ten minutes. The form's script asks at
    /// most once a second or so while the resident types, so this is generous; it bounds a client that calls the
    /// check for its own ends.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "RateLimit:ChecksPerTenMinutes must be between 1 and 10000.")]
    public int ChecksPerTenMinutes { get; set; } = 120;

    /// <summary>
    /// True only where the platform's front end takes every request and adds the client's address to
    /// <c>X-Forwarded-For</c> (the template sets it; the DevHost can set it to stand in for the front end). Off, the
    /// header is ignored, since any client can send it. Our own setting, not a platform variable: which of those a plan
    /// sets differs between App Service, Linux Consumption and Flex Consumption.
    /// </summary>
    public bool BehindFrontEnd { get; set; }
}
