using Microsoft.Extensions.Options;
using MimeKit;

namespace Grastorp.Intake.Core.Digest;

/// <summary>
/// Writes each digest as an .eml file into a pickup folder, named by its operation id, so a retry overwrites
/// rather than duplicates. Any mail server's pickup directory (or a person) can take it from there.
/// </summary>
public sealed class PickupDirectoryDigestSender(IOptions<DigestOptions> options) : IDigestSender
{
    public async Task SendAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.AddRange(digest.Recipients.Addresses.Select(MailboxAddress.Parse));
        message.Subject = DigestText.Subject(digest);
        message.MessageId = $"{digest.OperationId}@grastorp-intake";
        message.Body = new TextPart("plain") { Text = DigestText.Body(digest) };

        Directory.CreateDirectory(settings.PickupDirectory);
        var path = Path.Combine(settings.PickupDirectory, $"{digest.OperationId}.eml");
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }
}
