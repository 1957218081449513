using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Staff record what was done for a commitment (form: <c>commitment</c>, <c>date</c>, <c>summary</c>, optional
/// <c>countLabel</c>/<c>countValue</c>; with <c>id</c>, a correction of that published action). Saved: 303 back to the actions page. Wrong: a browser gets the page again
/// with its errors and answers (400), any other client problem details naming the fields.
/// </summary>
public sealed class RecordCommitmentAction(StaffEntry entry, ActionRecordingService recording, FollowUpStaffPages followUp)
{
    public const int RecentCount = 20;
    public const string SavedField = "resultat";
    public const string SavedValue = "sparad";

    [Function(nameof(RecordCommitmentAction))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/atgarder")] HttpRequest request,
        CancellationToken cancellationToken) => RecordAsync(request, cancellationToken);

    [Function("RecordCommitmentActionInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "en/personal/atgarder")] HttpRequest request,
        CancellationToken cancellationToken) => RecordAsync(request, cancellationToken);

    private Task<IActionResult> RecordAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.FollowUpActions, request, async principal =>
        {
            var address = StaffResults.Address(request);
            var form = await request.ReadFormAsync(cancellationToken);
            var id = form[ActionForm.IdField].ToString();
            var (action, errors) = id.Length == 0
                ? await recording.RecordAsync(principal, ActionForm.Input(form), cancellationToken)
                : await recording.ChangeAsync(principal, id, ActionForm.Input(form), cancellationToken);
            if (errors.ContainsKey(ActionForm.IdField))
            {
                // Withdrawn meanwhile, or an id that never was.
                return StaffResults.NoStore(new NotFoundResult());
            }

            if (action is not null)
            {
                return StaffResults.SeeOther($"{StaffPaths.In(address.Language, StaffPaths.Actions)}?{SavedField}={SavedValue}");
            }

            if (!BrowserResults.WantsHtml(request))
            {
                return IntakeResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), StaffFollowUpText.Get("ProblemActionInvalid"));
            }

            var recent = await recording.RecentAsync(RecentCount, cancellationToken);
            return PageResults.Html(await followUp.ActionsAsync(principal, recent, [.. errors.Keys], ActionForm.Kept(form), saved: false, address));
        });
}
