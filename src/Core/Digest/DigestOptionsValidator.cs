using Grastorp.Intake.Core.Municipalities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Grastorp.Intake.Core.Digest;

/// <summary>Checks what data annotations cannot: addresses, ids and municipalities, naming the setting at fault.</summary>
internal sealed class DigestOptionsValidator(MunicipalityCatalog municipalities, IConfiguration configuration) : IValidateOptions<DigestOptions>
{
    /// <summary>host.json's functionTimeout is five minutes; a claim must outlive any run that holds it.</summary>
    private static readonly TimeSpan MinimumClaimTimeout = TimeSpan.FromMinutes(6);

    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (options.ClaimTimeout < MinimumClaimTimeout)
        {
            failures.Add($"Digest:ClaimTimeout must be at least {MinimumClaimTimeout} (longer than a function may run), or a slow send is taken over and sent twice.");
        }

        if (string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add("Digest:PickupDirectory is required: the folder the digest .eml files are written to.");
        }

        var schedule = configuration[DigestSchedule.ScheduleSetting];
        if (schedule?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            failures.Add($"{DigestSchedule.ScheduleSetting} must be a six-field NCRONTAB schedule in UTC, such as '0 0 4-8 * * 1' (hourly over Monday morning); it is '{schedule}'.");
        }

        if (!IsEmailAddress(options.From))
        {
            failures.Add($"Digest:From: '{options.From}' is not an e-mail address.");
        }

        for (var i = 0; i < options.Recipients.Count; i++)
        {
            var list = options.Recipients[i];
            var prefix = $"Digest:Recipients:{i}";
            if (!KeyId.IsValid(list.Id))
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
