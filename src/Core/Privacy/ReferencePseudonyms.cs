using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// A reference is a pseudonym of a tip that may name people, and logs sit beside the client's details in telemetry:
/// logs carry a keyed hash of it instead, enough to follow one tip through the lines, useless without the key.
/// </summary>
public sealed class ReferencePseudonyms(IOptions<PrivacyOptions> options)
{
    private readonly byte[] _key = string.IsNullOrEmpty(options.Value.Key) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(options.Value.Key);

    /// <summary>16 hex digits of HMAC-SHA256(key, "reference:" + reference).</summary>
    public string Pseudonym(string reference) => Hash("reference:" + reference);

    private string Hash(string labelledValue)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(labelledValue), mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
