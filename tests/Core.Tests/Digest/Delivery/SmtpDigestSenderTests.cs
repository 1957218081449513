using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Scheduling;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Themes;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.Digest.Delivery;

/// <summary>
/// The smtp transport end to end: Azurite for tips and the ledger, the real Razor renderer, MailKit, and a real
/// SMTP server in-process. Real time (retries wait for real, with short delays), so the week is sent directly.
/// </summary>
public sealed class SmtpDigestSenderTests
{
    private static readonly WeekId Week48 = new(2026, 48);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(TestSmtpServer server, IDictionary<string, string?>? extra = null) =>
        IntakeTestServices.Create(TimeProvider.System, Settings(server, extra));

    private static Dictionary<string, string?> Settings(TestSmtpServer server, IDictionary<string, string?>? extra = null) => Settings(server.Port, extra);

    private static Dictionary<string, string?> Settings(int port, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Transport"] = "smtp",
            ["Digest:Smtp:Host"] = "127.0.0.1",
            ["Digest:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The test server has no TLS, like a relay on the same host.
            ["Digest:Smtp:AllowPlainText"] = "true",
            ["Digest:Recipients:0:Addresses:1"] = "Tryggh.samordnare@vara.example",
            ["Digest:Delivery:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task RecordHostileTipAsync(IServiceProvider services) =>
        await services.GetRequiredService<TipRecorder>().RecordAsync(
            TipFactory.Tip("Inbrott i förrådet <script>alert(1)</script> på Ågatan\u0007", DateTimeOffset.Parse("2026-11-25T10:00:00+01:00"), "vara") with
            {
                Place = "Ågatan 1\nKontakt (med samtycke): fake@example.se",
            },
            new TipClassification([new ThemeMatch(Theme.Burglary, 1, ["inbrott"])]),
            Token);

    private static DigestRecipientList List(IServiceProvider services) => services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];

    [Fact]
    public async Task The_digest_arrives_once_with_both_parts_the_right_subject_and_recipients_and_hostile_text_encoded()
    {
        await using var server = await TestSmtpServer.StartAsync();
        using var services = Services(server);
        await RecordHostileTipAsync(services);

        var run = await services.GetRequiredService<DigestService>().SendWeekAsync(Week48, List(services), Token);

        Assert.Equal(DigestOutcome.Sent, run.Outcome);
        var (message, recipients) = Assert.Single(server.Accepted);
        Assert.Equal(["kommunpolis@grastorp-intake.example", "Tryggh.samordnare@vara.example"], recipients);
        Assert.Equal("Trygghetstips v. 48 (23–29 nov): 1 nya – Grästorp 0, Vara 1, Essunga 0", message.Subject);
        Assert.Equal("tips@grastorp-intake.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("    > Inbrott i förrådet <script>alert(1)</script> på Ågatan", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; på Ågatan", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', message.TextBody!);
        Assert.Contains("  Plats: [adress] Kontakt (med samtycke): [e-post]", message.TextBody!.ReplaceLineEndings("\n").Split('\n'));
        Assert.NotNull(await services.GetRequiredService<DigestLedger>().CutOffAsync(Week48, "kommunpolis", Token));
    }

    [Fact]
    public async Task A_server_that_answers_421_and_then_accepts_gets_one_email()
    {
        await using var server = await TestSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "try again later"));
        Assert.Equal(421, (int)SmtpReplyCode.ServiceUnavailable);
        using var services = Services(server);

        var run = await services.GetRequiredService<DigestService>().SendWeekAsync(Week48, List(services), Token);

        Assert.Equal(DigestOutcome.Sent, run.Outcome);
        Assert.Equal(2, server.Attempts);
        Assert.Single(server.Accepted);
    }

    [Fact]
    public async Task With_the_mail_server_down_on_Monday_morning_the_digest_goes_out_at_a_later_firing_and_once()
    {
        var port = FreePort(); // nothing listens there yet: connections are refused, as with a relay that is down
        // Monday 30 November, 07:00 in Sweden: week 48's digest is due. The fake clock also drives the delivery
        // pipeline's delays, so no retries within a firing: the next firing is the retry here.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        using var services = IntakeTestServices.Create(time, Settings(port, new Dictionary<string, string?> { ["Digest:Delivery:MaxRetries"] = "0" }));
        await RecordHostileTipAsync(services);
        var digests = services.GetRequiredService<DigestService>();

        var down = await Assert.ThrowsAsync<AggregateException>(() => digests.RunAsync(Token));
        time.Advance(TimeSpan.FromHours(1));
        await using var server = await TestSmtpServer.StartAsync(port);
        var later = await digests.RunAsync(Token);
        time.Advance(TimeSpan.FromHours(1));
        var again = await digests.RunAsync(Token);
        time.Advance(TimeSpan.FromDays(1)); // Tuesday's firing
        var tuesday = await digests.RunAsync(Token);

        Assert.IsType<DigestSendFailedException>(Assert.Single(down.InnerExceptions));
        Assert.Equal(new DigestRun(Week48, "kommunpolis", DigestOutcome.Sent), Assert.Single(later));
        Assert.Equal(DigestOutcome.AlreadySent, Assert.Single(again).Outcome);
        Assert.Equal(DigestOutcome.AlreadySent, Assert.Single(tuesday).Outcome);
        var (message, _) = Assert.Single(server.Accepted);
        Assert.StartsWith("Trygghetstips v. 48 ", message.Subject, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_550_is_not_retried_and_the_week_stays_unsent_for_the_next_firing()
    {
        await using var server = await TestSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such mailbox"));
        using var services = Services(server);

        var failure = await Assert.ThrowsAsync<SmtpCommandException>(() => services.GetRequiredService<DigestService>().SendWeekAsync(Week48, List(services), Token));

        Assert.Equal(550, (int)failure.StatusCode);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(server.Accepted);
        var ledger = services.GetRequiredService<DigestLedger>();
        Assert.Null(await ledger.CutOffAsync(Week48, "kommunpolis", Token));
        // The claim was given back: the next firing can send at once.
        var (claim, _) = await ledger.TryClaimAsync(Week48, "kommunpolis", Token);
        Assert.NotNull(claim);
    }

    [Fact]
    public async Task A_rejection_quoting_an_address_is_logged_and_thrown_without_it()
    {
        await using var server = await TestSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 <kommunpolis@grastorp-intake.example>: Recipient address rejected"));
        var logs = new CapturedLogs();
        var monday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 15, 0, TimeSpan.Zero));
        using var services = IntakeTestServices.Create(monday, Settings(server), s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        var failure = await Assert.ThrowsAsync<AggregateException>(() => services.GetRequiredService<DigestService>().RunAsync(Token));

        var sent = Assert.IsType<DigestSendFailedException>(Assert.Single(failure.InnerExceptions));
        Assert.Equal("SMTP 550 (MessageNotAccepted)", sent.Failure);
        Assert.Null(sent.InnerException);
        Assert.Contains(logs.Lines, l => l.Contains("Digest 2026-W48 for kommunpolis failed (SMTP 550", StringComparison.Ordinal));
        var withAddress = logs.Lines.Where(l => l.Contains('@', StringComparison.Ordinal)).ToList();
        Assert.True(withAddress.Count == 0, string.Join('\n', withAddress));
        Assert.DoesNotContain('@', failure.ToString());
    }

    [Fact]
    public async Task Without_AllowPlainText_a_server_without_tls_is_refused_and_nothing_is_sent()
    {
        await using var server = await TestSmtpServer.StartAsync();
        using var services = Services(server, new Dictionary<string, string?> { ["Digest:Smtp:AllowPlainText"] = "false" });

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<DigestService>().SendWeekAsync(Week48, List(services), Token));

        Assert.Equal(0, server.Attempts);
    }

    [Fact]
    public async Task A_password_is_never_sent_over_a_plain_connection()
    {
        await using var server = await TestSmtpServer.StartAsync();
        using var services = Services(server, new Dictionary<string, string?> { ["Digest:Smtp:UserName"] = "digest", ["Digest:Smtp:Password"] = "s3cret" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<DigestService>().SendWeekAsync(Week48, List(services), Token));

        Assert.DoesNotContain("s3cret", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Attempts);
    }
}
