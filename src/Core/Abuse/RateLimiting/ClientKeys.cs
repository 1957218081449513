using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// A client's pseudonym for the rate limits: HMAC-SHA256 of its address under a key drawn at random when the process
/// starts and never stored, written or logged. The key dies with the instance, so nothing kept anywhere can turn a
/// pseudonym back into an address, and the pseudonyms themselves live only in this instance's memory.
/// </summary>
public sealed class ClientKeys(IOptions<RateLimitOptions> options)
{
    /// <summary>What stands for a client whose address cannot be read: they share one window.</summary>
    private const string UnknownAddress = "unknown";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The client's pseudonym (32 hex digits); the same address gives the same one for this process's life.</summary>
    public string For(ClientOrigin client)
    {
        var address = ClientAddress.Resolve(client.RemoteAddress, client.ForwardedFor, options.Value.BehindFrontEnd) ?? UnknownAddress;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(address), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
