using Grastorp.Intake.Core.Api;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Web.Http;

/// <summary>Maps Core's outcomes to HTTP answers: RFC 9457 problem details for every refusal, in the resident's language.</summary>
public static class IntakeResults
{
    public static IActionResult From(SubmitOutcome outcome) => outcome switch
    {
        SubmitOutcome.Accepted accepted => new ObjectResult(new TipReceiptView(
            accepted.Reference.Value, TipStatus.Received, accepted.Week.ToString(), [.. accepted.PersonalData.Select(k => k.Id())], accepted.Emergency))
        {
            StatusCode = StatusCodes.Status202Accepted,
        },
        SubmitOutcome.Invalid invalid => ValidationProblem(invalid.Errors, TipMessages.Get(TipMessages.NeedsCorrecting, invalid.Language)),
        SubmitOutcome.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, TipMessages.Get(TipMessages.TooLarge, outcome.Language), $"At most {TipLimits.MaxBodyBytes} bytes."),
        SubmitOutcome.UnsupportedMediaType => Problem(StatusCodes.Status415UnsupportedMediaType, TipMessages.Get(TipMessages.UnsupportedMediaType, outcome.Language), "Send application/json or application/x-www-form-urlencoded, in UTF-8."),
        SubmitOutcome.CrossSite => new RetryLaterResult(StatusCodes.Status403Forbidden, TimeSpan.Zero, ServiceMessages.CrossSite, outcome.Language, html: false),
        SubmitOutcome.TooMany tooMany => new RetryLaterResult(StatusCodes.Status429TooManyRequests, tooMany.RetryAfter, ServiceMessages.TooManyTips, outcome.Language, html: false),
        SubmitOutcome.Unavailable unavailable => new RetryLaterResult(StatusCodes.Status503ServiceUnavailable, unavailable.RetryAfter, ServiceMessages.Unavailable, outcome.Language, html: false),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>The form script's check: 200 with the kinds and the cue, or the refusal as a submission's would be.</summary>
    public static IActionResult From(TipCheck? check, SubmitOutcome? refusal) =>
        check is null
            ? From(refusal ?? throw new ArgumentNullException(nameof(refusal)))
            : new OkObjectResult(new TipCheckView([.. check.PersonalData.Select(k => k.Id())], check.Emergency));

    public static IActionResult ValidationProblem(IReadOnlyDictionary<string, string[]> errors, string title = "Något behöver rättas. / Some fields need correcting.") =>
        new ObjectResult(new ValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        })
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentTypes = { "application/problem+json" },
        };

    public static IActionResult Problem(int status, string title, string? detail = null) =>
        new ObjectResult(new ProblemDetails { Status = status, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
