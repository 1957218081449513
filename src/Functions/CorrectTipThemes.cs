using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The kommunpolis corrects a tip's themes (a same-site form post); then back to the list, or to the tip's own page when the form came from there.</summary>
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
            var language = Languages.FromCode(form[StaffText.LanguageField]);
            return outcome switch
            {
                null => IntakeResults.Problem(StatusCodes.Status400BadRequest, StaffText.Get("ProblemFormUnreadable", Language.Swedish)),
                { } done when StaffFollowUpText.IsFromTipPage(form) => StaffResults.SeeOther(StaffFollowUpText.AfterPostToTip(
                    StaffText.ResultField, done.ToString().ToLowerInvariant(), TipCorrectionService.ReferenceField, form[TipCorrectionService.ReferenceField].ToString(), language)),
                { } done => StaffResults.SeeOther(StaffText.AfterCorrection(form["tillbaka"], done, form[TipCorrectionService.ReferenceField], language)),
            };
        });
}
