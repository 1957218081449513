using Grastorp.Intake.Core;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Conversation;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.Web.Rendering;
using Grastorp.Intake.Web.Site;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web.Pages;

/// <summary>Renders the pages a resident sees. Each HTTP function asks for one page and sends what it gets.</summary>
public sealed class ResidentPages(
    ComponentRenderer renderer, MunicipalityCatalog municipalities, TipStatusService statuses, ResidentConversationService conversation, PromiseCatalog promises, TipChecker checker, IOptions<SiteOptions> site)
{
    public Task<HtmlPage> FormAsync(Language language) => FormAsync(language, null);

    /// <summary>The form again after a refused submission, every answer kept; 400 so no one takes it for success.</summary>
    public Task<HtmlPage> FormAsync(Language language, SubmitOutcome.Invalid? refused) =>
        RenderAsync<TipFormPage>(
            refused is null ? 200 : 400,
            refused is not null,
            language,
            new()
            {
                [nameof(TipFormPage.Municipalities)] = municipalities.All,
                [nameof(TipFormPage.Promises)] = PublishedPromises(),
                [nameof(TipFormPage.Errors)] = refused?.Errors,
                [nameof(TipFormPage.Answers)] = refused?.Answers,
                // Back with errors, the server has read the text: the nudge and the 112 cue need no script then.
                [nameof(TipFormPage.Check)] = refused is null
                    ? TipCheck.Nothing
                    : checker.Check(refused.Answers.GetValueOrDefault(TipFields.Text), refused.Answers.GetValueOrDefault(TipFields.Place)),
            });

    /// <summary>
    /// The receipt for a reference that was issued and is still kept; any other code gets the same 404 page as an
    /// unknown status code, so a crafted link cannot show "Tack, ditt tips har kommit fram" for a tip never sent.
    /// Looking the code up makes the page an answer to "does this code exist?", so it counts against the client's
    /// lookup limit like the status page (429 past it).
    /// </summary>
    /// <param name="client">Where the request comes from, for the lookup limit only.</param>
    /// <param name="flags">The receipt's query flags (<see cref="SitePaths.PersonalDataFlag"/>, <see cref="SitePaths.EmergencyFlag"/>): what the check found at submit.</param>
    public async Task<HtmlPage> ReceiptAsync(Language language, string? reference, ClientOrigin client, Func<string, string?>? flags, CancellationToken cancellationToken)
    {
        var lookup = await statuses.LookUpAsync(reference, client, cancellationToken).ConfigureAwait(false);
        if (lookup.Refused)
        {
            return await RateLimitedAsync(language, lookup.RetryAfter, lookups: true).ConfigureAwait(false);
        }

        return lookup.Status is null || !TipReference.TryParse(reference, out var parsed)
            ? await NotFoundAsync(language).ConfigureAwait(false)
            : await RenderAsync<ReceiptPage>(200, true, language, new()
            {
                [nameof(ReceiptPage.Reference)] = parsed.Value,
                [nameof(ReceiptPage.PersonalData)] = flags?.Invoke(SitePaths.PersonalDataFlag) == "1",
                [nameof(ReceiptPage.Emergency)] = flags?.Invoke(SitePaths.EmergencyFlag) == "1",
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// The status of a tip, or the lookup form when no code is given; unknown and malformed codes alike get 404, and a
    /// client past its lookup limit 429 with the wait.
    /// </summary>
    /// <param name="client">Where the request comes from, for the lookup limit only.</param>
    public async Task<HtmlPage> StatusAsync(Language language, string? reference, ClientOrigin client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return await RenderAsync<StatusPage>(200, false, language, []).ConfigureAwait(false);
        }

        var lookup = await statuses.LookUpAsync(reference, client, cancellationToken).ConfigureAwait(false);
        if (lookup.Refused)
        {
            return await RateLimitedAsync(language, lookup.RetryAfter, lookups: true).ConfigureAwait(false);
        }

        var status = lookup.Status;
        return status is null || !TipReference.TryParse(reference, out var parsed)
            ? await NotFoundAsync(language).ConfigureAwait(false)
            : await RenderAsync<StatusPage>(200, true, language, new()
            {
                [nameof(StatusPage.Reference)] = parsed.Value,
                [nameof(StatusPage.Status)] = status,
                [nameof(StatusPage.CommitmentTexts)] = status.Commitments.Select(promises.Find).OfType<(Promise Promise, Commitment Commitment)>().Select(c => c.Commitment.Text).ToList(),
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// The status and the conversation, for a code posted in a form's body (the lookup form, or "show the
    /// conversation"): counted as a lookup like the GET route, 404 and 429 alike. Answered directly (200), as a
    /// redirect could not carry the code without putting it in the address.
    /// </summary>
    public async Task<HtmlPage> ThreadAsync(Language language, string? reference, ClientOrigin client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return await RenderAsync<StatusPage>(200, false, language, []).ConfigureAwait(false);
        }

        var (thread, retryAfter) = await conversation.OpenAsync(reference, client, cancellationToken).ConfigureAwait(false);
        if (retryAfter > TimeSpan.Zero)
        {
            return await RateLimitedAsync(language, retryAfter, lookups: true).ConfigureAwait(false);
        }

        return thread is null || !TipReference.TryParse(reference, out var parsed)
            ? await NotFoundAsync(language).ConfigureAwait(false)
            : await ThreadPageAsync(200, language, parsed.Value, thread, new()).ConfigureAwait(false);
    }

    /// <summary>
    /// The resident's answer, with the code and the form's token in the body: the thread again with the answer added
    /// (200), or with the answer kept and the GOV.UK error pattern (400), 429 past the tip limit with the text kept.
    /// </summary>
    public async Task<HtmlPage> AnswerAsync(Language language, string? reference, string? text, string? token, ClientOrigin client, CancellationToken cancellationToken)
    {
        var result = await conversation.AnswerAsync(reference, text, token, client, cancellationToken).ConfigureAwait(false);
        if (result.Thread is null || !TipReference.TryParse(reference, out var parsed))
        {
            return result.Refused
                ? await RateLimitedAsync(language, result.RetryAfter, lookups: true).ConfigureAwait(false)
                : await NotFoundAsync(language).ConfigureAwait(false);
        }

        if (result.Refused)
        {
            return await RateLimitedAsync(language, result.RetryAfter, lookups: false).ConfigureAwait(false);
        }

        var problem = result.Problem;
        return await ThreadPageAsync(problem == AnswerProblem.None ? 200 : 400, language, parsed.Value, result.Thread, new()
        {
            [nameof(StatusPage.AnswerProblem)] = problem,
            [nameof(StatusPage.AnswerText)] = problem == AnswerProblem.None ? null : text,
            [nameof(StatusPage.Answered)] = result.Outcome is Core.Tips.Store.Conversation.MessageOutcome.Added or Core.Tips.Store.Conversation.MessageOutcome.AlreadyAdded,
            [nameof(StatusPage.AnswerCheck)] = result.Check,
        }).ConfigureAwait(false);
    }

    private Task<HtmlPage> ThreadPageAsync(int statusCode, Language language, string reference, ResidentThread thread, Dictionary<string, object?> parameters)
    {
        parameters[nameof(StatusPage.Reference)] = reference;
        parameters[nameof(StatusPage.Status)] = thread.Status;
        parameters[nameof(StatusPage.Thread)] = thread;
        parameters[nameof(StatusPage.CommitmentTexts)] = thread.Status.Commitments.Select(promises.Find).OfType<(Promise Promise, Commitment Commitment)>().Select(c => c.Commitment.Text).ToList();
        return RenderAsync<StatusPage>(statusCode, true, language, parameters);
    }

    /// <summary>
    /// Storage could not take the tip: the form again with every answer kept and a notice that nothing was saved, 503
    /// with the Retry-After the notice implies. Losing a long text to an outage would be the worst answer of all.
    /// </summary>
    public async Task<HtmlPage> UnavailableAsync(SubmitOutcome.Unavailable outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return await RenderAsync<TipFormPage>(503, true, outcome.Language, new()
        {
            [nameof(TipFormPage.Municipalities)] = municipalities.All,
            [nameof(TipFormPage.Promises)] = PublishedPromises(),
            [nameof(TipFormPage.Answers)] = outcome.Answers,
            [nameof(TipFormPage.NotSaved)] = true,
        }).ConfigureAwait(false) with
        {
            RetryAfter = outcome.RetryAfter,
        };
    }

    /// <summary>
    /// A form post over the rate limit: the form again with every answer kept and a notice of the wait, 429 with the
    /// Retry-After the notice names, as after an outage: without script nothing else would keep the text.
    /// </summary>
    public async Task<HtmlPage> TooManyTipsAsync(SubmitOutcome.TooMany outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return await RenderAsync<TipFormPage>(429, true, outcome.Language, new()
        {
            [nameof(TipFormPage.Municipalities)] = municipalities.All,
            [nameof(TipFormPage.Promises)] = PublishedPromises(),
            [nameof(TipFormPage.Answers)] = outcome.Answers,
            [nameof(TipFormPage.TooManyWait)] = outcome.RetryAfter,
        }).ConfigureAwait(false) with
        {
            RetryAfter = outcome.RetryAfter,
        };
    }

    public Task<HtmlPage> AccessibilityAsync(Language language) => RenderAsync<AccessibilityPage>(200, false, language, []);

    public Task<HtmlPage> PrivacyAsync(Language language) => RenderAsync<PrivacyPage>(200, false, language, []);

    /// <summary>
    /// The newest promise of each municipality that has published one; the example files (marked so) are left out, so
    /// a resident never reads a promise no one made.
    /// </summary>
    private List<Promise> PublishedPromises() =>
        [.. promises.All.Where(p => !p.IsExample).GroupBy(p => p.Municipality).Select(g => g.OrderByDescending(p => p.Year).First())];

    /// <summary>
    /// The page for a code that leads nowhere (404). What was typed is not echoed back, so a malformed code and an
    /// unknown or erased one look the same; staff get this same page for a tip that is not there.
    /// </summary>
    public Task<HtmlPage> NotFoundAsync(Language language) =>
        RenderAsync<StatusPage>(404, false, language, new() { [nameof(StatusPage.Reference)] = "?" });

    private async Task<HtmlPage> RateLimitedAsync(Language language, TimeSpan retryAfter, bool lookups) =>
        await RenderAsync<RateLimitedPage>(429, false, language, new()
        {
            [nameof(RateLimitedPage.RetryAfter)] = retryAfter,
            [nameof(RateLimitedPage.Lookups)] = lookups,
        }).ConfigureAwait(false) with
        {
            RetryAfter = retryAfter,
        };

    private async Task<HtmlPage> RenderAsync<TPage>(int statusCode, bool showsResidentText, Language language, Dictionary<string, object?> parameters)
        where TPage : IComponent
    {
        parameters[nameof(PageComponent.Language)] = language;
        parameters[nameof(PageComponent.Site)] = site.Value;
        var html = await renderer.RenderAsync<TPage>(parameters).ConfigureAwait(false);
        return new HtmlPage(statusCode, "<!DOCTYPE html>\n" + html, showsResidentText);
    }
}
