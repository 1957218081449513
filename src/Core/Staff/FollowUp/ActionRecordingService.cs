using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;

namespace Grastorp.Intake.Core.Staff.FollowUp;

/// <summary>
/// Staff record what was done for a commitment; checked (including that the person's role covers the promise's
/// municipality), stored by its table's owner, and audited.
/// </summary>
public sealed class ActionRecordingService(PromiseCatalog promises, CommitmentActionStore actions, AuditLog audit, TimeProvider time)
{
    /// <summary>The stored action, or the problems per field.</summary>
    public async Task<(CommitmentAction? Action, IReadOnlyDictionary<string, string> Errors)> RecordAsync(StaffPrincipal who, ActionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(input);
        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow()).DateTime);
        var errors = input.Check(promises, today, out var valid);
        if (valid is not { } ok)
        {
            return (null, errors);
        }

        // Kommun publishes only on its own municipalities' promises (the kommunpolis on all three).
        if (!who.Covers(ok.Promise.Municipality))
        {
            return (null, new Dictionary<string, string>(StringComparer.Ordinal) { ["commitment"] = "Din roll gäller inte den kommunens löften." });
        }

        var action = await actions.AddAsync(ok.Promise, ok.Commitment, ok.Date, ok.Summary, ok.Counts, who.Name, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(who, AuditAction.ActionRecorded, [(ok.Commitment.Key, string.Empty, action.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], cancellationToken).ConfigureAwait(false);
        return (action, errors);
    }

    /// <summary>
    /// The latest actions across every promise in use, newest recorded first, for the staff page that records them.
    /// One range read per promise (a handful), each capped by the store.
    /// </summary>
    public async Task<IReadOnlyList<(CommitmentAction Action, Promise Promise, Commitment Commitment)>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var recent = new List<(CommitmentAction, Promise, Commitment)>();
        foreach (var promise in promises.All)
        {
            foreach (var action in await actions.ReadAsync(promise, cancellationToken).ConfigureAwait(false))
            {
                if (promise.Commitments.FirstOrDefault(c => c.Key == action.Commitment) is { } commitment)
                {
                    recent.Add((action, promise, commitment));
                }
            }
        }

        return [.. recent.OrderByDescending(r => r.Item1.RecordedAt).ThenBy(r => r.Item1.Id, StringComparer.Ordinal).Take(Math.Clamp(count, 1, 100))];
    }
}
