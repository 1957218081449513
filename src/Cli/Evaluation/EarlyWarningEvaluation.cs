using Grastorp.Intake.Core.Stats.EarlyWarning;

namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>
/// Measures <see cref="EarlyWarningRule"/> on synthetic weekly counts from a seeded generator (so a run is repeatable):
/// false flags on steady Poisson series, and how many weeks after a doubling the first flag comes.
/// </summary>
internal static class EarlyWarningEvaluation
{
    /// <summary>Weeks a doubled series is followed before it counts as never flagged.</summary>
    public const int FollowWeeks = 26;

    public sealed record Steady(double Rate, int SeriesYears, int Flags)
    {
        public double PerSeriesYear => (double)Flags / SeriesYears;
    }

    public sealed record Doubling(double Rate, int Trials, IReadOnlyList<int?> WeeksToFlag)
    {
        public double Within(int weeks) => (double)WeeksToFlag.Count(w => w <= weeks) / Trials;

        /// <summary>The median of the weeks to the first flag, never flagged counted as longest; null when over half never were.</summary>
        public int? Median
        {
            get
            {
                var sorted = WeeksToFlag.Select(w => w ?? int.MaxValue).Order().ToList();
                var median = sorted[(sorted.Count - 1) / 2];
                return median == int.MaxValue ? null : median;
            }
        }
    }

    /// <summary><paramref name="series"/> steady series of <paramref name="years"/> years each at <paramref name="rate"/> a week: every week judged.</summary>
    public static Steady RunSteady(double rate, int series, int years, Random random)
    {
        var flags = 0;
        for (var s = 0; s < series; s++)
        {
            var counts = Enumerable.Range(0, EarlyWarningRule.BaselineWeeks + (52 * years)).Select(_ => Poisson(rate, random)).ToList();
            for (var end = EarlyWarningRule.WeeksNeeded; end <= counts.Count; end++)
            {
                if (EarlyWarningRule.Judge(counts.GetRange(end - EarlyWarningRule.WeeksNeeded, EarlyWarningRule.WeeksNeeded)) is { Flagged: true })
                {
                    flags++;
                }
            }
        }

        return new Steady(rate, series * years, flags);
    }

    /// <summary><paramref name="trials"/> series that run at <paramref name="rate"/> for the baseline and then at twice that: weeks to the first flag.</summary>
    public static Doubling RunDoubling(double rate, int trials, Random random)
    {
        var weeks = new List<int?>(trials);
        for (var t = 0; t < trials; t++)
        {
            var counts = Enumerable.Range(0, EarlyWarningRule.BaselineWeeks).Select(_ => Poisson(rate, random)).ToList();
            int? first = null;
            for (var week = 1; week <= FollowWeeks && first is null; week++)
            {
                counts.Add(Poisson(2 * rate, random));
                if (EarlyWarningRule.Judge(counts.GetRange(counts.Count - EarlyWarningRule.WeeksNeeded, EarlyWarningRule.WeeksNeeded)) is { Flagged: true })
                {
                    first = week;
                }
            }

            weeks.Add(first);
        }

        return new Doubling(rate, trials, weeks);
    }

    /// <summary>Knuth's method: exact, and quick for the means of a few a week used here.</summary>
    private static int Poisson(double mean, Random random)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var k = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            k++;
        }

        return k;
    }
}
