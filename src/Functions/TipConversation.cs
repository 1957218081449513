using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The resident's side of a tip's conversation (issue #32), in both languages: the code is posted in a form's body
/// (field <c>reference</c>), never in a path or query, so neither request telemetry nor the browser's history keeps
/// it; the page is the POST's own answer (a redirect could not carry the code). An answer carries the code, the text
/// (<c>svar</c>) and the form's token (<c>token</c>), which makes a form sent twice add one message.
/// </summary>
public sealed class TipConversation(ResidentPages pages)
{
    /// <summary>Larger bodies are not read: an answer is 2,000 characters, a few kilobytes even as escaped UTF-8.</summary>
    private const long MaxFormBytes = 64 * 1024;

    [Function(nameof(OpenConversation))]
    public Task<IActionResult> OpenConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "status")] HttpRequest request, CancellationToken cancellationToken) =>
        OpenAsync(request, Language.Swedish, cancellationToken);

    [Function(nameof(OpenConversationInEnglish))]
    public Task<IActionResult> OpenConversationInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "en/status")] HttpRequest request, CancellationToken cancellationToken) =>
        OpenAsync(request, Language.English, cancellationToken);

    [Function(nameof(AnswerInConversation))]
    public Task<IActionResult> AnswerInConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "status/svar")] HttpRequest request, CancellationToken cancellationToken) =>
        AnswerAsync(request, Language.Swedish, cancellationToken);

    [Function(nameof(AnswerInConversationInEnglish))]
    public Task<IActionResult> AnswerInConversationInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "en/status/answer")] HttpRequest request, CancellationToken cancellationToken) =>
        AnswerAsync(request, Language.English, cancellationToken);

    private async Task<IActionResult> OpenAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FormOfAsync(request, cancellationToken) is not { } form)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        return PageResults.Html(await pages.ThreadAsync(language, form["reference"].ToString().Trim(), request.Client(), cancellationToken));
    }

    private async Task<IActionResult> AnswerAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FormOfAsync(request, cancellationToken) is not { } form)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        return PageResults.Html(await pages.AnswerAsync(
            language, form["reference"].ToString().Trim(), form["svar"].ToString(), form["token"].ToString(), request.Client(), cancellationToken));
    }

    /// <summary>The posted form, or null when the body is over <see cref="MaxFormBytes"/>; a body that is no form reads as an empty one.</summary>
    private static async Task<IFormCollection?> FormOfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxFormBytes)
        {
            return null;
        }

        return request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
    }
}
