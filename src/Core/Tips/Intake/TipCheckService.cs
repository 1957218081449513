using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips.Check;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>
/// The form's script asks, while the resident writes, whether the text or place holds personal data or reads as an
/// emergency. The body is read as a submission is (same limits, same normalising), checked with the same
/// <see cref="TipChecker"/>, and then forgotten: nothing is stored, and nothing of it is logged. The same-origin check
/// rests on headers any client can set, so each client's checks are also counted (<see cref="ClientRateLimiter.CountCheck"/>).
/// </summary>
public sealed class TipCheckService(TipChecker checker, ClientRateLimiter limiter)
{
    /// <returns>The check, or the refusal to answer with (403 from another site, 429 past the limit, 400, 413, 415).</returns>
    public async Task<(TipCheck? Check, SubmitOutcome? Refusal)> CheckAsync(TipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Source.IsSameOrigin)
        {
            return (null, new SubmitOutcome.CrossSite { Language = Languages.FromAcceptLanguage(request.AcceptLanguage) });
        }

        var decision = limiter.CountCheck(request.Client);
        if (!decision.Allowed)
        {
            return (null, new SubmitOutcome.TooMany(decision.RetryAfter) { Language = Languages.FromAcceptLanguage(request.AcceptLanguage) });
        }

        var (fields, refusal) = await TipRequestReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return refusal is not null
            ? (null, refusal)
            : (checker.Check(AtMost(fields!.GetValueOrDefault(TipFields.Text), TipLimits.MaxTextLength), AtMost(fields!.GetValueOrDefault(TipFields.Place), TipLimits.MaxPlaceLength)), null);
    }

    // A text longer than a tip may be cannot be sent anyway (the form says so); checking only what a tip may hold
    // keeps every check as cheap as the longest real one. Twice the limit in UTF-16 units covers any letters.
    private static string? AtMost(string? value, int length) =>
        value is not null && value.Length > 2 * length ? value[..(2 * length)] : value;
}
