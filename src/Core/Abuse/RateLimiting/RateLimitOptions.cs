using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimit</c>: how many tips one client may send, and how many unknown codes it may look
/// up, counted in Table Storage so the limits hold across every instance the plan scales out to. The defaults are the same in code, README, the local settings
/// template and the Bicep template; tests set their own, higher ones.
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
    /// Status lookups of codes that match no tip, per client in any ten minutes; one more refuses every lookup until the
    /// window has room. A resident who mistypes their code a few times stays far below it.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "RateLimit:LookupMissesPerTenMinutes must be between 1 and 1000.")]
    public int LookupMissesPerTenMinutes { get; set; } = 10;

    /// <summary>Status lookups of unknown codes per client in a UTC day.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:LookupMissesPerDay must be between 1 and 1000000.")]
    public int LookupMissesPerDay { get; set; } = 50;

    /// <summary>The tip limits as windows.</summary>
    public WindowLimits Submissions => new(PerTenMinutes, PerDay);

    /// <summary>The lookup limits as windows.</summary>
    public WindowLimits LookupMisses => new(LookupMissesPerTenMinutes, LookupMissesPerDay);

    /// <summary>Read from <see cref="PlatformSetting"/>, not from the section; settable here only by the registration.</summary>
    public bool OnPlatform { get; internal set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PerDay < PerTenMinutes)
        {
            yield return new ValidationResult("RateLimit:PerDay must be at least RateLimit:PerTenMinutes.", [nameof(PerDay)]);
        }

        if (LookupMissesPerDay < LookupMissesPerTenMinutes)
        {
            yield return new ValidationResult("RateLimit:LookupMissesPerDay must be at least RateLimit:LookupMissesPerTenMinutes.", [nameof(LookupMissesPerDay)]);
        }
    }
}
