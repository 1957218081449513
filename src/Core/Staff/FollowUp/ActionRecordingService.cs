using System.Globalization;
using System.Text.RegularExpressions;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;

namespace Grastorp.Intake.Core.Staff.FollowUp;

/// <summary>
/// Staff record, correct and withdraw what was done for a commitment; checked (including that the person's role
/// covers the promise's municipality), masked, stored by its table's owner, and audited. What is saved is published, so personal data in it (a phone number, an address with its number, a
/// plate) is masked as the digest masks a tip's text, before it is stored.
/// </summary>
public sealed partial class ActionRecordingService(PromiseCatalog promises, CommitmentActionStore actions, AuditLog audit, PersonalDataDetector personalData, TimeProvider time)
{
    /// <summary>The stored action, or the problems per field.</summary>
    public async Task<(CommitmentAction? Action, IReadOnlyDictionary<string, string> Errors)> RecordAsync(StaffPrincipal who, ActionInput input, CancellationToken cancellationToken)
    {
        var errors = Check(who, input, out var valid);
        if (valid is not { } ok)
        {
            return (null, errors);
        }

        var action = await actions.AddAsync(ok.Promise, ok.Commitment, ok.Date, Masked(ok.Summary), Masked(ok.Counts), who.Name, cancellationToken).ConfigureAwait(false);
        await AuditAsync(who, AuditAction.ActionRecorded, action, cancellationToken).ConfigureAwait(false);
        return (action, errors);
    }

    /// <summary>
    /// Corrects a published action in place (its commitment stays; withdraw and record again to move it). The errors
    /// per field, or <c>id</c> when there is no such action.
    /// </summary>
    public async Task<(CommitmentAction? Action, IReadOnlyDictionary<string, string> Errors)> ChangeAsync(StaffPrincipal who, string? id, ActionInput input, CancellationToken cancellationToken)
    {
        var errors = Check(who, input, out var valid);
        if (valid is not { } ok)
        {
            return (null, errors);
        }

        var action = IsActionId(id)
            ? await actions.ChangeAsync(ok.Commitment.Key, id!, ok.Date, Masked(ok.Summary), Masked(ok.Counts), cancellationToken).ConfigureAwait(false)
            : null;
        if (action is null)
        {
            return (null, new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = "Åtgärden finns inte längre." });
        }

        await AuditAsync(who, AuditAction.ActionChanged, action, cancellationToken).ConfigureAwait(false);
        return (action, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>Takes an action off the public follow-up; false when the commitment or the action is unknown.</summary>
    public async Task<bool> WithdrawAsync(StaffPrincipal who, string? commitment, string? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (commitment is null || promises.Find(commitment) is not { } found || !IsActionId(id) || !who.Covers(found.Promise.Municipality)
            || !await actions.WithdrawAsync(found.Commitment.Key, id!, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await audit.RecordAsync(who, AuditAction.ActionWithdrawn, [(found.Commitment.Key, string.Empty, id!)], cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>One action by its commitment and id, for the form that corrects it; null when unknown.</summary>
    public async Task<CommitmentAction?> FindAsync(string? commitment, string? id, CancellationToken cancellationToken)
    {
        if (commitment is null || promises.Find(commitment) is not { } found || !IsActionId(id))
        {
            return null;
        }

        var all = await actions.ReadAsync(found.Promise, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(a => a.Commitment == found.Commitment.Key && a.Id == id);
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

    /// <summary>
    /// The form's own checks, then the person's: Kommun publishes only on its own municipalities' promises (the
    /// kommunpolis on all three). <paramref name="valid"/> is null whenever there are errors.
    /// </summary>
    private IReadOnlyDictionary<string, string> Check(
        StaffPrincipal who, ActionInput input, out (Promise Promise, Commitment Commitment, DateOnly Date, string Summary, IReadOnlyList<ActionCount> Counts)? valid)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Check(promises, Today(), out valid);
        if (valid is { } ok && !who.Covers(ok.Promise.Municipality))
        {
            valid = null;
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["commitment"] = "Din roll gäller inte den kommunens löften." };
        }

        return errors;
    }

    private DateOnly Today() => DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow()).DateTime);

    private string Masked(string text) => personalData.Mask(text).Masked;

    private List<ActionCount> Masked(IReadOnlyList<ActionCount> counts) => [.. counts.Select(c => c with { Label = Masked(c.Label) })];

    private Task AuditAsync(StaffPrincipal who, AuditAction what, CommitmentAction action, CancellationToken cancellationToken) =>
        audit.RecordAsync(who, what, [(action.Commitment, string.Empty, action.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], cancellationToken);

    /// <summary>The store's row key: the day counted down, a dash, 12 hex digits. Anything else is never looked up.</summary>
    private static bool IsActionId(string? id) => id is not null && ActionId().IsMatch(id);

    [GeneratedRegex("^[0-9]{7}-[0-9a-f]{12}$")]
    private static partial Regex ActionId();
}
