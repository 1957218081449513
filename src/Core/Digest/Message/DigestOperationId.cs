using System.Security.Cryptography;
using System.Text;
using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// The Operation-Id of a digest send: a name-based UUID (RFC 9562 version 5) of the week, the list and the resend
/// number, so every attempt and retry of one send carries the same id (ACS can drop a repeat, and a crash after
/// sending is then harmless) while an operator's deliberate resend gets an id of its own.
/// </summary>
public static class DigestOperationId
{
    /// <summary>This app's namespace for the ids (a fixed random UUID).</summary>
    private static readonly Guid Namespace = new("5b3e7c1a-8f2d-4c61-9a0e-2d7f4b9c6e13");

    public static Guid For(WeekId week, string listId, int resend = 0)
    {
        var name = resend == 0 ? $"digest/{week}/{listId}" : $"digest/{week}/{listId}/resend/{resend}";
        var bytes = Namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what version-5 UUIDs are defined with; this is a name, not a security boundary.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
