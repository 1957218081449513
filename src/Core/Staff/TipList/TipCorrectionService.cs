using System.Runtime.ExceptionServices;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Staff.TipList;

/// <summary>The correction form's fields as posted.</summary>
public sealed record TipCorrectionRequest(string? Municipality, string? Week, string? Reference, IReadOnlyList<string> Themes, string? RequestKey);

/// <summary>
/// The kommunpolis corrects a tip's themes: checks the form, has the tip store move the counters in the tip's own
/// transaction, and audits what changed (theme ids only). A request key sent twice is applied once. The tip's
/// promise commitments follow the new themes in the same transaction, linked by the same rule as at classification.
/// </summary>
public sealed class TipCorrectionService(TipCorrector tips, AuditLog audit, MunicipalityCatalog municipalities, ThemeCatalog themes, PromiseCatalog promises)
{
    public const string MunicipalityField = "kommun";
    public const string WeekField = "vecka";
    public const string ReferenceField = "referens";
    public const string ThemesField = "tema";
    public const string KeyField = "nyckel";

    /// <summary>Null when the form is not one this service issued (bad ids, key or themes): the caller answers 400.</summary>
    public async Task<CorrectionOutcome?> CorrectAsync(StaffPrincipal who, TipCorrectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(request);
        var chosen = request.Themes.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (!municipalities.TryFind(request.Municipality, out var municipality)
            || !WeekId.TryParse(request.Week, null, out var week)
            || !TipReference.TryParse(request.Reference, out var reference)
            || request.RequestKey is not { Length: 32 } key || !key.All(char.IsAsciiHexDigitLower)
            || chosen.Count == 0 || !chosen.All(themes.Contains)
            || (chosen.Count > 1 && chosen.Contains(Theme.Other)))
        {
            return null;
        }

        // Report order, so the first (primary) theme does not depend on the order the boxes were ticked.
        var ordered = themes.Ids.Where(chosen.Contains).ToList();
        var partition = new TipPartition(municipality.Id, week);
        var correction = new ThemeCorrection(reference.Value, ordered, key, who.Name)
        {
            Relink = (corrected, matched) => promises.Link(
                municipality.Id,
                week.Year,
                new TipClassification([.. corrected.Select((t, i) => new ThemeMatch(t, 1.0, i == 0 ? matched : []))])),
        };

        CorrectionOutcome outcome;
        try
        {
            outcome = await tips.CorrectAsync(partition, correction, cancellationToken).ConfigureAwait(false);
        }
        catch (CorrectionNotRolledUpException e) when (e.InnerException is not null)
        {
            // The themes did change, so the audit log says so; the storage fault is then answered as any other
            // (503), and the staff member's second send heals the rollup without a second audit row.
            await AuditAsync(who, reference, partition, ordered, cancellationToken).ConfigureAwait(false);
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (outcome == CorrectionOutcome.Corrected)
        {
            await AuditAsync(who, reference, partition, ordered, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private Task AuditAsync(StaffPrincipal who, TipReference reference, TipPartition partition, IEnumerable<string> themes, CancellationToken cancellationToken) =>
        audit.RecordAsync(who, AuditAction.Corrected, [(reference.Value, partition.Key, "→ " + string.Join(", ", themes))], cancellationToken);
}
