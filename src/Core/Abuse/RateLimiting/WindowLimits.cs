namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>How many counted events one client may have in any ten minutes and in a UTC day.</summary>
public readonly record struct WindowLimits(int PerTenMinutes, int PerDay);
