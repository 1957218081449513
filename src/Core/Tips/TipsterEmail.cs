using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Grastorp.Intake.Core.Tips;

/// <summary>
/// Whether a resident's contact is one e-mail address the notice can go to (issue 32): a bare address with a dotted
/// domain, nothing else in the field (a phone number, a name and an address, or two addresses are not).
/// </summary>
public static class TipsterEmail
{
    public static bool TryRead(string? contact, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var trimmed = contact?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !MailAddress.TryCreate(trimmed, out var parsed)
            || !string.Equals(parsed.Address, trimmed, StringComparison.Ordinal) || parsed.DisplayName.Length > 0
            || !parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host.StartsWith('.') || parsed.Host.EndsWith('.'))
        {
            return false;
        }

        address = parsed.Address;
        return true;
    }
}
