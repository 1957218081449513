using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Scheduling;

/// <summary>What an operator does by hand (the CLI's <c>digest</c> command): preview a week, or send it again on purpose.</summary>
public sealed partial class DigestOperator(
    DigestLedger ledger,
    DigestComposer composer,
    DigestMessageFactory messages,
    IDigestSender sender,
    IOptions<DigestOptions> options,
    ILogger<DigestOperator> logger)
{
    /// <summary>The lists named (or all of them); an unknown id gives none.</summary>
    public IReadOnlyList<DigestRecipientList> Lists(string? listId) =>
        [.. options.Value.Recipients.Where(l => listId is null || string.Equals(l.Id, listId, StringComparison.Ordinal))];

    /// <summary>The week's message for a list as it would be sent now; nothing is claimed, recorded or sent.</summary>
    public async Task<DigestMessage> PreviewAsync(WeekId week, DigestRecipientList list, CancellationToken cancellationToken)
    {
        var digest = await composer.ComposeAsync(week, list, cancellationToken).ConfigureAwait(false);
        return await messages.CreateAsync(digest, resend: 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a week that went out before once more, numbered in the ledger first so the resend has an Operation-Id of
    /// its own (ACS would otherwise take it for a duplicate). A week never sent is left to the timer.
    /// </summary>
    public async Task<DigestRun> ResendAsync(WeekId week, DigestRecipientList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (await ledger.RecordResendAsync(week, list.Id, cancellationToken).ConfigureAwait(false) is not { } resend)
        {
            return new DigestRun(week, list.Id, DigestOutcome.NeverSent);
        }

        WeeklyDigest digest = await composer.ComposeAsync(week, list, cancellationToken).ConfigureAwait(false);
        var message = await messages.CreateAsync(digest, resend, cancellationToken).ConfigureAwait(false);
        await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        LogResent(logger, week, list.Id, resend);
        return new DigestRun(week, list.Id, DigestOutcome.Resent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Week} for {RecipientList} sent again on request (resend {Resend})")]
    private static partial void LogResent(ILogger logger, WeekId week, string recipientList, int resend);
}
