using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// Writes each digest as an .eml file into a pickup folder, named after the week and list, so a retry overwrites
/// rather than duplicates. Any mail server's pickup directory (or a person) can take it from there; the local default.
/// </summary>
public sealed class PickupDirectoryDigestSender(IOptions<DigestOptions> options) : IDigestSender
{
    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{message.Name}.eml");
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await message.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
    }
}
