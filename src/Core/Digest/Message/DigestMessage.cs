using MimeKit;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// A digest ready to send: both parts, the addresses from configuration, and the ids that make a retry the same
/// message. Only the subject, built from labels, counts and municipality names, goes into a header.
/// </summary>
/// <param name="Name">A readable file name stem, e.g. <c>digest-2026-W48-kommunpolis</c> (pickup folder).</param>
public sealed record DigestMessage(
    string Name, Guid OperationId, DateTimeOffset Date, string From, IReadOnlyList<string> To, string Subject, string PlainText, string Html)
{
    /// <summary>
    /// The MIME message: multipart/alternative, text then HTML (MimeKit's BodyBuilder). Prepared for 7-bit transport,
    /// so MimeKit picks quoted-printable or base64 per part, CRLF line ends, lines under 78 octets and encoded-word
    /// headers: the file and the SMTP session carry the same bytes.
    /// </summary>
    /// <summary>CRLF line ends whatever the platform (MimeKit's default follows the OS, LF on Linux).</summary>
    public static FormatOptions Format { get; } = CreateFormat();

    /// <summary>Writes the MIME message as it goes on the wire: 7-bit, CRLF.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var mime = ToMime();
        await mime.WriteToAsync(Format, stream, cancellationToken).ConfigureAwait(false);
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    public MimeMessage ToMime()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(From));
        message.To.AddRange(To.Select(MailboxAddress.Parse));
        message.Subject = Subject;
        message.MessageId = $"{OperationId:D}@grastorp-intake";
        message.Date = Date;
        // RFC 3834: tells auto-responders (out-of-office replies) not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = PlainText, HtmlBody = Html };
        message.Body = body.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit, 78);
        return message;
    }
}
