using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.Web.Rendering;
using Grastorp.Intake.Web.Site;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web.Pages;

/// <summary>Renders the pages a resident sees. Each HTTP function asks for one page and sends what it gets.</summary>
public sealed class ResidentPages(ComponentRenderer renderer, MunicipalityCatalog municipalities, TipStatusService statuses, PromiseCatalog promises, TipChecker checker, IOptions<SiteOptions> site)
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

    /// <summary>The receipt for a reference in its canonical form; anything else gets the not-found status page.</summary>
    /// <param name="flags">The receipt's query flags (<see cref="SitePaths.PersonalDataFlag"/>, <see cref="SitePaths.EmergencyFlag"/>): what the check found at submit.</param>
    public Task<HtmlPage> ReceiptAsync(Language language, string? reference, Func<string, string?>? flags = null) =>
        TipReference.TryParse(reference, out var parsed)
            ? RenderAsync<ReceiptPage>(200, true, language, new()
            {
                [nameof(ReceiptPage.Reference)] = parsed.Value,
                [nameof(ReceiptPage.PersonalData)] = flags?.Invoke(SitePaths.PersonalDataFlag) == "1",
                [nameof(ReceiptPage.Emergency)] = flags?.Invoke(SitePaths.EmergencyFlag) == "1",
            })
            : NotFoundAsync(language);

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

    /// <summary>A form post over the rate limit: 429, and Retry-After with the same wait the page names.</summary>
    public Task<HtmlPage> TooManyTipsAsync(Language language, TimeSpan retryAfter) => RateLimitedAsync(language, retryAfter, lookups: false);

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
