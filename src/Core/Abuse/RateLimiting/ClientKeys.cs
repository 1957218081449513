using System.Globalization;
using Grastorp.Intake.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// The day's pseudonym of a client: HMAC-SHA256(Privacy:Key, purpose + ":" + UTC date + ":" + address), 16 hex
/// digits. Shared by every instance (the key is), new each day, and different per purpose, so the rows of one limit
/// cannot be joined with another's. The address itself is never stored or logged.
/// </summary>
public sealed class ClientKeys(ReferencePseudonyms pseudonyms, IOptions<RateLimitOptions> options)
{
    /// <summary>The purpose of the tip limit's keys (the word predates the lookup limit, so today's keys stay valid).</summary>
    public const string Tips = "client";

    /// <summary>The purpose of the status lookup limit's keys.</summary>
    public const string Lookups = "lookup";

    /// <summary>What stands for a client whose address cannot be read: they share one window.</summary>
    private const string UnknownAddress = "unknown";

    /// <param name="purpose">Which limit the key counts for: <see cref="Tips"/> or <see cref="Lookups"/>.</param>
    /// <param name="client">Where the request comes from.</param>
    /// <param name="now">The moment whose UTC day the key is drawn for.</param>
    public string For(string purpose, ClientOrigin client, DateTimeOffset now)
    {
        var address = ClientAddress.Resolve(client.RemoteAddress, client.ForwardedFor, options.Value.OnPlatform) ?? UnknownAddress;
        var day = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return pseudonyms.Hash($"{purpose}:{day}:{address}");
    }
}
