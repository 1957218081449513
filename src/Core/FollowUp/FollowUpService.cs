using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// Builds the public follow-up from counter rows and recorded actions only (never a tip row). Months are Swedish
/// calendar months made of whole ISO weeks: a week belongs to the month its Thursday is in, as ISO weeks belong to
/// years, so the weekly counter rows add up to months without reading a tip.
/// </summary>
public sealed class FollowUpService(PromiseCatalog promises, MunicipalityCatalog municipalities, TipStore tips, CommitmentActionStore actions, PersonalDataDetector personalData, TimeProvider time)
{
    public const int MonthsShown = 6;
    public const int QuietDays = 60;

    public async Task<FollowUpReport> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(now).DateTime);
        // This week's tips count in the month of its Thursday, which may already be next month (Monday 30 November
        // belongs to December), so the window ends with that month.
        var thursday = WeekId.Containing(today).Monday.AddDays(3);
        var firstMonth = new DateOnly(thursday.Year, thursday.Month, 1).AddMonths(1 - MonthsShown);
        var months = Enumerable.Range(0, MonthsShown).Select(firstMonth.AddMonths).ToList();
        var result = new List<PromiseFollowUp>();
        foreach (var municipality in municipalities.All)
        {
            if (promises.InEffect(municipality.Id, today.Year) is not { } promise)
            {
                continue;
            }

            var perMonth = await CountPerMonthAsync(municipality.Id, months, today, cancellationToken).ConfigureAwait(false);
            var recorded = await actions.ReadAsync(promise, cancellationToken).ConfigureAwait(false);
            var commitments = promise.Commitments.Select(c =>
            {
                var (parts, total) = SmallCountRule.WithTotal([.. perMonth.Select(m => m.GetValueOrDefault(c.Key))]);
                var own = recorded.Where(a => a.Commitment == c.Key).ToList();
                var last = own.Count == 0 ? (DateOnly?)null : own.Max(a => a.Date);
                return new CommitmentFollowUp(
                    c.Key, c.Id, c.PromisedBy, c.Text, c.LinksTips,
                    c.LinksTips ? parts : [], total,
                    [.. own.Select(a => new PublicAction(a.Id, a.Date, Published(a.Summary), [.. a.Counts.Select(n => (Published(n.Label), SmallCountRule.Alone(n.Value)))], a.RecordedAt) { UpdatedAt = a.UpdatedAt })],
                    last,
                    last is null || last.Value.AddDays(QuietDays) < today);
            });
            result.Add(new PromiseFollowUp(promise.Id, promise.Year, promise.Municipality, municipality.Name, promise.Title, promise.Source, promise.IsExample, [.. commitments]));
        }

        return new FollowUpReport(now, [.. months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))], result)
        {
            CountsAsOf = SwedishTime.AtLocal(WeekId.Containing(today).Monday, TimeOnly.MinValue),
        };
    }

    /// <summary>
    /// Cleaned and masked again on the way out: a row stored before actions were checked (or written by hand) may hold
    /// a control character, which XML cannot carry, or personal data.
    /// </summary>
    private string Published(string text) => personalData.Mask(ActionInput.Line(text)).Masked;

    /// <summary>Per month, commitment key → tips counted under it, summed from the weekly counter rows.</summary>
    private async Task<List<Dictionary<string, int>>> CountPerMonthAsync(string municipality, List<DateOnly> months, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new List<Dictionary<string, int>>();
        foreach (var month in months)
        {
            var sums = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var week in WeeksOf(month).Where(w => w.Monday <= today))
            {
                var counts = await tips.ReadCountsAsync(new TipPartition(municipality, week), cancellationToken).ConfigureAwait(false);
                foreach (var (key, count) in counts.Commitments)
                {
                    sums[key] = sums.GetValueOrDefault(key) + count;
                }
            }

            result.Add(sums);
        }

        return result;
    }

    /// <summary>The ISO weeks whose Thursday falls in the month: four or five, never shared with another month.</summary>
    public static IEnumerable<WeekId> WeeksOf(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        for (var day = first; day.Month == first.Month; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Thursday)
            {
                yield return WeekId.Containing(day);
            }
        }
    }
}
