using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// Builds the public follow-up from a stored snapshot of counter rows and from recorded actions (never a tip row).
/// Months are Swedish calendar months made of whole ISO weeks: a week belongs to the month its Thursday is in, as
/// ISO weeks belong to years, so the weekly counter rows add up to months without reading a tip. Only completed
/// weeks are counted, from a snapshot refreshed once a day (<see cref="RefreshAsync"/>): a count that moved seconds
/// after a tip, or a "3" that became "färre än 3" after a correction, would tell a poller about a single tip.
/// A view reads the snapshot (one point read) and each promise's actions (one range read per promise).
/// </summary>
public sealed class FollowUpService(
    PromiseCatalog promises, MunicipalityCatalog municipalities, TipWeekReader tips, CommitmentActionStore actions, FollowUpSnapshotStore snapshots,
    PersonalDataDetector personalData, TimeProvider time)
{
    public const int MonthsShown = 6;
    public const int QuietDays = 60;

    public async Task<FollowUpReport> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(now).DateTime);
        var snapshot = await snapshots.GetAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot is null || snapshot.Until < SwedishTime.WeekOf(now))
        {
            // None yet, or a week has ended since: the figures are those of completed weeks whoever makes them, so the
            // first view after Monday 00:00 may make them rather than show last week's until the timer runs.
            snapshot = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = new List<PromiseFollowUp>();
        foreach (var municipality in municipalities.All)
        {
            if (promises.InEffect(municipality.Id, today.Year) is not { } promise)
            {
                continue;
            }

            var perMonth = snapshot.Counts.GetValueOrDefault(municipality.Id) ?? [];
            var recorded = await actions.ReadAsync(promise, cancellationToken).ConfigureAwait(false);
            var commitments = promise.Commitments.Select(c =>
            {
                var (parts, total) = SmallCountRule.WithTotal([.. snapshot.Months.Select((_, i) => i < perMonth.Count ? perMonth[i].GetValueOrDefault(c.Key) : 0)]);
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

        return new FollowUpReport(snapshot.RefreshedAt, [.. snapshot.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))], result)
        {
            CountsAsOf = SwedishTime.AtLocal(snapshot.Until.Monday, TimeOnly.MinValue),
        };
    }

    /// <summary>
    /// Counts every completed week of the months shown into a new snapshot and stores it: the daily timer's work
    /// (it also takes in corrections of earlier weeks), about 26 counter reads per municipality with a promise.
    /// </summary>
    public async Task<FollowUpSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(now).DateTime);
        var until = SwedishTime.WeekOf(now);

        // The last counted week's tips are in the month of its Thursday, so the window ends with that month.
        var thursday = until.Previous().Monday.AddDays(3);
        var firstMonth = new DateOnly(thursday.Year, thursday.Month, 1).AddMonths(1 - MonthsShown);
        var months = Enumerable.Range(0, MonthsShown).Select(firstMonth.AddMonths).ToList();
        var counts = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, int>>>(StringComparer.Ordinal);
        foreach (var municipality in municipalities.All)
        {
            if (promises.InEffect(municipality.Id, today.Year) is not null)
            {
                counts[municipality.Id] = await CountPerMonthAsync(municipality.Id, months, until, cancellationToken).ConfigureAwait(false);
            }
        }

        // UTC, as the table gives it back: a view must read the same snapshot whether it made it or not.
        var snapshot = new FollowUpSnapshot(until, now.ToUniversalTime(), months, counts);
        await snapshots.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>
    /// Cleaned and masked again on the way out: a row stored before actions were checked (or written by hand) may hold
    /// a control character, which XML cannot carry, or personal data.
    /// </summary>
    private string Published(string text) => personalData.Mask(ActionInput.Line(text)).Masked;

    /// <summary>Per month, commitment key → tips counted under it, summed from the weekly counter rows.</summary>
    private async Task<List<IReadOnlyDictionary<string, int>>> CountPerMonthAsync(string municipality, List<DateOnly> months, WeekId until, CancellationToken cancellationToken)
    {
        var result = new List<IReadOnlyDictionary<string, int>>();
        foreach (var month in months)
        {
            var sums = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var week in WeeksOf(month).Where(w => w < until))
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
