using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Rendering;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web.Staff.FollowUp;

/// <summary>
/// Renders the staff page for actions on the citizen promise (no-store, like every staff page). Core checks the form
/// and names the fields that are wrong; the words shown for each come from this page's own texts, in its language.
/// </summary>
public sealed class FollowUpStaffPages(
    ComponentRenderer renderer, PromiseCatalog promises, MunicipalityCatalog municipalities, IOptions<StaffAuthOptions> auth, TimeProvider time)
{
    public async Task<HtmlPage> ActionsAsync(
        StaffPrincipal principal,
        IReadOnlyList<(CommitmentAction Action, Promise Promise, Commitment Commitment)> recent,
        IReadOnlyCollection<string> wrongFields,
        IReadOnlyDictionary<string, string?> values,
        bool saved,
        StaffPageAddress address,
        bool withdrawn = false)
    {
        ArgumentNullException.ThrowIfNull(wrongFields);
        ArgumentNullException.ThrowIfNull(address);
        var language = address.Language;
        var errors = wrongFields.ToDictionary(FieldId, f => new[] { Message(f, language) }, StringComparer.Ordinal);
        var html = await renderer.RenderAsync<ActionsPage>(new Dictionary<string, object?>
        {
            [nameof(ActionsPage.Principal)] = principal,
            [nameof(ActionsPage.Promises)] = promises.All,
            [nameof(ActionsPage.Municipalities)] = municipalities.All,
            [nameof(ActionsPage.Recent)] = recent,
            [nameof(ActionsPage.Errors)] = errors,
            [nameof(ActionsPage.Values)] = values,
            [nameof(ActionsPage.Saved)] = saved,
            [nameof(ActionsPage.Withdrawn)] = withdrawn,
            [nameof(ActionsPage.Today)] = DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow()).DateTime),
            [nameof(ActionsPage.Language)] = language,
            [nameof(ActionsPage.Alternate)] = address.Alternate,
            [nameof(ActionsPage.SignOutPath)] = auth.Value.SignOutPath,
        }).ConfigureAwait(false);
        return new HtmlPage(errors.Count > 0 ? 400 : 200, "<!DOCTYPE html>\n" + html, ShowsResidentText: true);
    }

    /// <summary>Core names the optional count as one field; its error sits at the first of its two inputs.</summary>
    private static string FieldId(string field) => field == "count" ? "countLabel" : field;

    private static string Message(string field, Language language) => field switch
    {
        "commitment" => StaffFollowUpText.Get("ErrorCommitment", language),
        "date" => StaffFollowUpText.Get("ErrorDate", language),
        "summary" => StaffFollowUpText.Get("ErrorSummary", language, ActionInput.MinSummary, ActionInput.MaxSummary),
        _ => StaffFollowUpText.Get("ErrorCount", language, ActionInput.MaxLabel),
    };
}
