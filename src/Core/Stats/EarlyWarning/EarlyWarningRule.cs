namespace Grastorp.Intake.Core.Stats.EarlyWarning;

/// <summary>
/// When a week's count of one theme in one municipality is worth a look, in one sentence: <b>a week is flagged when
/// its count lies above the 99.5 % point of a Poisson distribution whose mean is the average of the 8 weeks before
/// (taken as at least 0.5 a week), and the last 4 weeks together hold at least 5 reports.</b>
/// </summary>
/// <remarks>
/// A Farrington-like Poisson upper quantile (Farrington et al. 1996; R <c>surveillance</c>, Salmon et al. 2016),
/// chosen over EARS C1–C3 because those assume a spread the counts of 0–10 a week do not have (an all-zero baseline
/// has none, and any single report would alarm), and over a CUSUM because an officer can check a single week's
/// flag against the numbers beside it ("7 mot normalt 1–2"). The mean's floor of 0.5 stands in for EARS's minimum
/// spread: after eight quiet weeks one or two reports are not a rise. The small-count floor is Farrington's: with
/// fewer than 5 reports in 4 weeks nothing is flagged, so one busy week of 3 after silence is not news. The
/// false-flag rate and the weeks to flag a doubling are measured in bench/RESULTS.md ("Early warning").
/// Pure: takes the counts, knows no clock and no storage.
/// </remarks>
public static class EarlyWarningRule
{
    /// <summary>Weeks before the judged week whose mean is "normal".</summary>
    public const int BaselineWeeks = 8;

    /// <summary>The upper tail a count must lie in: P(X ≥ count) below this under the normal mean.</summary>
    public const double Alpha = 0.005;

    /// <summary>The least mean a baseline is taken to have (an all-zero baseline otherwise makes any report a rise).</summary>
    public const double MinimumMean = 0.5;

    /// <summary>Weeks (the judged one and the three before) that together need <see cref="MinimumRecentReports"/>.</summary>
    public const int RecentWeeks = 4;

    /// <summary>Farrington's small-count floor: no flag with fewer reports than this in the last <see cref="RecentWeeks"/> weeks.</summary>
    public const int MinimumRecentReports = 5;

    /// <summary>Weeks of counts <see cref="Judge"/> needs: the baseline and the judged week.</summary>
    public const int WeeksNeeded = BaselineWeeks + 1;

    /// <summary>
    /// Judges the last of <paramref name="counts"/> (oldest first) against the <see cref="BaselineWeeks"/> before it.
    /// Null when fewer weeks are given (no history, no flag).
    /// </summary>
    public static EarlyWarningVerdict? Judge(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count < WeeksNeeded)
        {
            return null;
        }

        var week = counts[^1];
        var baseline = Enumerable.Range(counts.Count - 1 - BaselineWeeks, BaselineWeeks).Select(i => counts[i]).ToList();
        var mean = baseline.Average();
        var threshold = Threshold(Math.Max(mean, MinimumMean));
        var recent = Enumerable.Range(counts.Count - RecentWeeks, RecentWeeks).Sum(i => counts[i]);
        var flagged = week > threshold && recent >= MinimumRecentReports;
        return new EarlyWarningVerdict(flagged, week, mean, threshold, recent);
    }

    /// <summary>The largest count that is still ordinary: the least k with P(X &gt; k) &lt; <see cref="Alpha"/> for X ~ Poisson(<paramref name="mean"/>).</summary>
    public static int Threshold(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);

        // Summed term by term: exact enough for the means of a few reports a week this is for, and no dependency.
        var term = Math.Exp(-mean);
        var cumulative = term;
        var k = 0;
        while (1 - cumulative >= Alpha)
        {
            k++;
            term *= mean / k;
            cumulative += term;
        }

        return k;
    }
}
