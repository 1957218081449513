namespace Grastorp.Intake.Core.Stats.EarlyWarning;

/// <summary>The judgement of one week: whether it is flagged, its count, the baseline's mean, the largest ordinary count, and the last four weeks' reports.</summary>
public sealed record EarlyWarningVerdict(bool Flagged, int Count, double BaselineMean, int Threshold, int RecentReports)
{
    /// <summary>"Normal" as a reader takes it: the baseline mean rounded down and up ("1–2"), or one number when whole.</summary>
    public (int Low, int High) Normal => ((int)Math.Floor(BaselineMean), (int)Math.Ceiling(BaselineMean));
}
