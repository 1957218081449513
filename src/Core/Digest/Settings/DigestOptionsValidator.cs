using Grastorp.Intake.Core.Email;
using Grastorp.Intake.Core.Municipalities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Checks what data annotations cannot: addresses, ids and municipalities, naming the setting at fault.</summary>
internal sealed class DigestOptionsValidator(MunicipalityCatalog municipalities, IConfiguration configuration) : IValidateOptions<DigestOptions>
{
    /// <summary>host.json's functionTimeout is five minutes; a claim must outlive any run that holds it.</summary>
    private static readonly TimeSpan MinimumClaimTimeout = TimeSpan.FromMinutes(6);

    /// <summary>A send, all retries and polling included, must end with a margin inside host.json's five minutes.</summary>
    private static readonly TimeSpan MaximumSend = TimeSpan.FromMinutes(4);

    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (options.ClaimTimeout < MinimumClaimTimeout)
        {
            failures.Add($"Digest:ClaimTimeout must be at least {MinimumClaimTimeout} (longer than a function may run), or a slow send is taken over and sent twice.");
        }

        var schedule = configuration[DigestOptions.ScheduleSetting];
        if (schedule?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            failures.Add($"{DigestOptions.ScheduleSetting} must be a six-field NCRONTAB schedule in UTC, such as '0 0 4-8 * * 1' (hourly over Monday morning); it is '{schedule}'.");
        }

        failures.AddRange(TransportFailures(options, configuration.GetSection(AcsEmailSettings.SectionName).Get<AcsEmailSettings>() ?? new()));
        if (options.Delivery.AttemptTimeout <= TimeSpan.Zero || options.Delivery.RetryDelay < TimeSpan.Zero || options.Delivery.PollTimeout <= TimeSpan.Zero)
        {
            failures.Add("Digest:Delivery: AttemptTimeout and PollTimeout must be positive and RetryDelay not negative.");
        }
        else if (options.Delivery.WorstCase() > MaximumSend)
        {
            failures.Add(
                $"Digest:Delivery: with MaxRetries {options.Delivery.MaxRetries}, AttemptTimeout {options.Delivery.AttemptTimeout} and PollTimeout " +
                $"{options.Delivery.PollTimeout} a send can take {options.Delivery.WorstCase()}, more than {MaximumSend} (the function stops at five minutes).");
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

            // The binder takes "1" for Kommunpolis: a typo must not turn a municipality's list into the police's.
            if (configuration[$"{prefix}:Audience"] is { } audience && !Enum.GetNames<DigestAudience>().Contains(audience, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{prefix}:Audience: '{audience}' is not Kommun or Kommunpolis.");
            }
        }

        if (options.Recipients.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != options.Recipients.Count)
        {
            failures.Add("Digest:Recipients: two lists have the same Id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The chosen transport's own settings; the others may stay empty.</summary>
    private static IEnumerable<string> TransportFailures(DigestOptions options, AcsEmailSettings acs)
    {
        switch (options.Transport)
        {
            case DigestTransport.Smtp when string.IsNullOrWhiteSpace(options.Smtp.Host):
                yield return "Digest:Smtp:Host is required when Digest:Transport is smtp.";
                break;
            case DigestTransport.Smtp when options.Smtp.Port is < 1 or > 65535:
                yield return $"Digest:Smtp:Port must be a TCP port (1-65535); it is {options.Smtp.Port}.";
                break;
            case DigestTransport.Smtp when string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password):
                // Never echo either value: the password is a secret and a user name is often an address.
                yield return "Digest:Smtp:UserName and Digest:Smtp:Password are set together or not at all.";
                break;
            case DigestTransport.Acs when acs.Endpoint is not { IsAbsoluteUri: true, Scheme: "https" }:
                yield return "Acs:Endpoint is required when Digest:Transport is acs: https://<resource>.communication.azure.com.";
                break;
            case DigestTransport.Acs when acs.Credential is { Length: > 0 } credential && !string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase):
                yield return "Acs:credential must be managedidentity (with Acs:clientId for a user-assigned identity), or left out for DefaultAzureCredential.";
                break;
            case DigestTransport.Pickup when string.IsNullOrWhiteSpace(options.PickupDirectory):
                yield return "Digest:PickupDirectory is required: the folder the digest .eml files are written to.";
                break;
        }
    }

    /// <summary>MimeKit accepts a bare local part ("tips"); a digest needs a deliverable address with a domain.</summary>
    private static bool IsEmailAddress(string? value) =>
        MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1;
}
