using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Functions.Staff;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The kommunpolis corrects a tip's themes (a same-site form post); then back to the list.</summary>
public sealed class CorrectTipThemes(StaffEntry entry, TipCorrectionService corrections)
{
    [Function(nameof(CorrectTipThemes))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/rattelse")] HttpRequest request,
        CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.TipCorrection, request, async principal =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var outcome = await corrections.CorrectAsync(principal, StaffText.CorrectionRequest(form), cancellationToken);
            return outcome is null
                ? IntakeResults.Problem(StatusCodes.Status400BadRequest, StaffText.Get("ProblemFormUnreadable", Language.Swedish))
                : StaffResults.SeeOther(StaffText.AfterCorrection(form["tillbaka"], outcome.Value, form[TipCorrectionService.ReferenceField], Languages.FromCode(form[StaffText.LanguageField])));
        });
}
