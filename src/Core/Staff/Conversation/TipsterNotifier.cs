using System.Net;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Staff.Conversation;

/// <summary>
/// Tells a tipster who asked for it, by e-mail to the contact they gave with consent, that the kommunpolis has written
/// (issue 32). The mail holds neither the message nor the code: only that there is something to read and where to give
/// the code. It goes by the system's one mail transport (<c>Digest:Transport</c>, from <c>Digest:From</c>). A failure
/// is logged without the address and reported to the officer; the message itself is stored either way.
/// </summary>
public sealed partial class TipsterNotifier(
    IDigestSender mail, IOptions<DigestOptions> digest, IOptions<SiteOptions> site, TimeProvider time, ILogger<TipsterNotifier> logger)
{
    public async Task<TipsterNotice> NotifyAsync(ListedTip tip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        if (!tip.NotifyByEmail || tip.RemovedAt is not null || !TipsterEmail.TryRead(tip.Contact, out var address))
        {
            return TipsterNotice.NotAsked;
        }

        // Sent while the officer waits for the page: a transport that is slow or down must not hold the post for the
        // delivery pipeline's whole worst case (minutes). After this the officer is told the mail did not go.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(SendBudget);
        var operationId = Guid.NewGuid();
        var message = new DigestMessage(
            NoticeFileName.For(tip.ReceivedAt, operationId), operationId, time.GetUtcNow(), digest.Value.From, [address], Subject, PlainText(), Html());
        try
        {
            await mail.SendAsync(message, bounded.Token).ConfigureAwait(false);
            return TipsterNotice.Sent;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception's message can quote the recipient (an SMTP refusal does): only its type is logged.
            LogFailed(logger, e.GetType().Name);
            return TipsterNotice.Failed;
        }
    }

    /// <summary>How long the officer's post waits for the notice to go.</summary>
    public static readonly TimeSpan SendBudget = TimeSpan.FromSeconds(15);

    private const string Subject = "Kommunpolisen har skrivit till dig / The community police officer has written to you";

    /// <summary>The notice in Swedish, then English: each paragraph, and the status page a paragraph links to.</summary>
    private IEnumerable<(string Language, IReadOnlyList<(string Text, Uri? Link)> Paragraphs)> Parts()
    {
        yield return ("sv",
        [
            ("Kommunpolisen har skrivit till dig om tipset du skickade.", null),
            ("Öppna din status med koden från kvittot:", site.Value.Link("status")),
            ("Varken meddelandet eller koden står i det här mejlet.", null),
            ("Du får mejlet för att du bad om det när du skickade tipset. Svara inte på det: brevlådan läses inte.", null),
        ]);
        yield return ("en",
        [
            ("The community police officer has written to you about the tip you sent.", null),
            ("Open your status with the code from your receipt:", site.Value.Link("en/status")),
            ("Neither the message nor the code is in this e-mail.", null),
            ("You get this e-mail because you asked for it when you sent the tip. Do not reply: this mailbox is not read.", null),
        ]);
    }

    private string PlainText() => string.Join("\r\n--\r\n\r\n", Parts().Select(part =>
        string.Concat(part.Paragraphs.Select(p => p.Link is null ? $"{p.Text}\r\n\r\n" : $"{p.Text} {p.Link.AbsoluteUri}\r\n\r\n"))));

    private string Html() => string.Concat(
        $"<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(Subject)}</title></head><body>",
        string.Join("<hr>", Parts().Select(part => $"<div lang=\"{part.Language}\">" + string.Concat(part.Paragraphs.Select(p => p.Link is null
            ? $"<p>{WebUtility.HtmlEncode(p.Text)}</p>"
            : $"<p>{WebUtility.HtmlEncode(p.Text)} <a href=\"{WebUtility.HtmlEncode(p.Link.AbsoluteUri)}\">{WebUtility.HtmlEncode(p.Link.AbsoluteUri)}</a></p>")) + "</div>")),
        "</body></html>");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A tipster's e-mail notice could not be sent ({ErrorType}); the message is stored and the officer told")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
