using System.CommandLine;
using System.Globalization;
using Grastorp.Intake.Cli.Evaluation;
using Grastorp.Intake.Core.Stats.EarlyWarning;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>early-warning --evaluate</c>: the early-warning rule on synthetic Poisson series from a fixed seed (no storage,
/// no clock): false flags per series-year on steady counts and weeks to flag a doubling, as Markdown tables.
/// </summary>
internal static class EarlyWarningCommand
{
    private static readonly double[] Rates = [0.5, 1, 2, 5];

    public static Command Create(CliConsole console)
    {
        var evaluate = new Option<bool>("--evaluate") { Description = "Measure the rule on synthetic series (the only mode)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator.", DefaultValueFactory = _ => 2026 };
        var series = new Option<int>("--series") { Description = "Steady series (3 municipalities × 5 themes).", DefaultValueFactory = _ => 15 };
        var years = new Option<int>("--years") { Description = "Years per steady series.", DefaultValueFactory = _ => 20 };
        var trials = new Option<int>("--trials") { Description = "Doubled series per rate.", DefaultValueFactory = _ => 2000 };
        var command = new Command("early-warning", "Measure the early-warning rule on synthetic weekly counts.") { evaluate, seed, series, years, trials };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            var random = new Random(parse.GetValue(seed));
            var (seriesCount, yearCount, trialCount) = (parse.GetValue(series), parse.GetValue(years), parse.GetValue(trials));
            var output = console.Out;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"## Early warning (seed {parse.GetValue(seed)})")).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rule: count > Poisson {(1 - EarlyWarningRule.Alpha) * 100:0.#} % point of the mean of the {EarlyWarningRule.BaselineWeeks} weeks before (at least {EarlyWarningRule.MinimumMean}), and ≥ {EarlyWarningRule.MinimumRecentReports} reports in the last {EarlyWarningRule.RecentWeeks} weeks.")).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Steady series: {seriesCount} series × {yearCount} years per rate, every week judged.")).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("| rate a week | series-years | false flags | per series-year | per year, all series |").ConfigureAwait(false);
            await output.WriteLineAsync("| ---: | ---: | ---: | ---: | ---: |").ConfigureAwait(false);
            foreach (var rate in Rates)
            {
                cancellation.ThrowIfCancellationRequested();
                var steady = EarlyWarningEvaluation.RunSteady(rate, seriesCount, yearCount, random);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {rate} | {steady.SeriesYears} | {steady.Flags} | {steady.PerSeriesYear:0.000} | {steady.PerSeriesYear * seriesCount:0.0} |")).ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Doubling: {trialCount} series per rate, {EarlyWarningRule.BaselineWeeks} weeks at the rate, then twice it for up to {EarlyWarningEvaluation.FollowWeeks} weeks.")).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("| rate a week | flagged in week 1 | within 4 weeks | within 8 weeks | within 26 weeks | median weeks to flag |").ConfigureAwait(false);
            await output.WriteLineAsync("| ---: | ---: | ---: | ---: | ---: | ---: |").ConfigureAwait(false);
            foreach (var rate in Rates)
            {
                cancellation.ThrowIfCancellationRequested();
                var doubling = EarlyWarningEvaluation.RunDoubling(rate, trialCount, random);
                var median = doubling.Median is { } m ? m.ToString(CultureInfo.InvariantCulture) : "> 26";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {rate} | {doubling.Within(1):0.00} | {doubling.Within(4):0.00} | {doubling.Within(8):0.00} | {doubling.Within(26):0.00} | {median} |")).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
