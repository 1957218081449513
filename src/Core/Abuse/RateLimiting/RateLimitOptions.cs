using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimit</c>: how many tips one client may send and how many tips' status it may look
/// up, counted in Table Storage so the limits hold across every instance the plan scales out to. The defaults are the
/// same in code, README, the local settings template and the Bicep template; tests set their own, higher ones.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimit";

    /// <summary>The platform's own setting, present only on App Service / Functions in Azure: there the front end's forwarded header is trusted.</summary>
    public const string PlatformSetting = "WEBSITE_INSTANCE_ID";

    /// <summary>Off only for a load run that must measure intake rather than 429s.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tips per client in any ten minutes (a sliding window). At most 1000, so one counter row stays small.</summary>
    [Range(1, 1000, ErrorMessage = "RateLimit:PerTenMinutes must be between 1 and 1000.")]
    public int PerTenMinutes { get; set; } = 5;

    /// <summary>Tips per client in a UTC day, the day the client key is drawn for.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:PerDay must be between 1 and 1000000.")]
    public int PerDay { get; set; } = 20;

    /// <summary>
    /// Status lookups per client in any ten minutes, found codes and unknown ones alike; one more is refused until the
    /// window has room. A resident checking their tip, even mistyping the code a few times, stays far below it.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "RateLimit:LookupsPerTenMinutes must be between 1 and 1000.")]
    public int LookupsPerTenMinutes { get; set; } = 20;

    /// <summary>The tip limits as windows.</summary>
    public WindowLimits Submissions => new(PerTenMinutes, PerDay);

    /// <summary>
    /// The lookup limit as windows: ten minutes only. Even without a day cap a guesser gets 144 windows a day (2,880
    /// codes at the default); a cap would let anyone behind a shared address (a school's Wi-Fi, a carrier's NAT) shut
    /// everyone else behind it out until midnight.
    /// </summary>
    public WindowLimits Lookups => new(LookupsPerTenMinutes, int.MaxValue);

    /// <summary>Read from <see cref="PlatformSetting"/>, not from the section; settable here only by the registration.</summary>
    public bool OnPlatform { get; internal set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PerDay < PerTenMinutes)
        {
            yield return new ValidationResult("RateLimit:PerDay must be at least RateLimit:PerTenMinutes.", [nameof(PerDay)]);
        }
    }
}
