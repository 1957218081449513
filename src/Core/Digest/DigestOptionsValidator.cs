using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Grastorp.Intake.Core.Digest;

/// <summary>Checks what data annotations cannot: addresses, ids and municipalities, naming the setting at fault.</summary>
internal sealed class DigestOptionsValidator(MunicipalityCatalog municipalities) : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (!IsEmailAddress(options.From))
        {
            failures.Add($"Digest:From: '{options.From}' is not an e-mail address.");
        }

        for (var i = 0; i < options.Recipients.Count; i++)
        {
            var list = options.Recipients[i];
            var prefix = $"Digest:Recipients:{i}";
            if (!Theme.IsValidId(list.Id))
            {
                failures.Add($"{prefix}:Id: '{list.Id}' is not a valid id (lower-case a-z, 0-9 and _).");
            }

            if (list.Addresses.Count == 0)
            {
                failures.Add($"{prefix}:Addresses: at least one address is needed.");
            }

            failures.AddRange(list.Addresses.Where(a => !IsEmailAddress(a)).Select(a => $"{prefix}:Addresses: '{a}' is not an e-mail address."));
            failures.AddRange(list.Municipalities.Where(m => !municipalities.TryFind(m, out _)).Select(m => $"{prefix}:Municipalities: '{m}' is not one of Municipalities:Ids."));
        }

        if (options.Recipients.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != options.Recipients.Count)
        {
            failures.Add("Digest:Recipients: two lists have the same Id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>MimeKit accepts a bare local part ("tips"); a digest needs a deliverable address with a domain.</summary>
    private static bool IsEmailAddress(string? value) =>
        MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1;
}
