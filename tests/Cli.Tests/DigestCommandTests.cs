using System.Text;
using Grastorp.Intake.TestKit;
using MimeKit;

namespace Grastorp.Intake.Cli.Tests;

/// <summary>The <c>digest</c> command against an Azurite account of its own, with the real renderer.</summary>
public class DigestCommandTests
{
    private readonly string _pickup = Directory.CreateTempSubdirectory("cli-digests-").FullName;

    private Dictionary<string, string?> Settings() => new()
    {
        ["AzureWebJobsStorage"] = AzuriteAccounts.NewConnectionString(),
        ["Site:BaseUrl"] = "https://tips.grastorp.example",
        ["Digest:From"] = "tips@grastorp-intake.example",
        ["Digest:PickupDirectory"] = _pickup,
        ["Digest:Recipients:0:Id"] = "kommunpolis",
        ["Digest:Recipients:0:Addresses:0"] = "kommunpolis@grastorp-intake.example",
        ["Digest:Recipients:0:Audience"] = "Kommunpolis",
        ["Digest:Recipients:1:Id"] = "vara_kommun",
        ["Digest:Recipients:1:Addresses:0"] = "trygghet@vara.example",
        ["Digest:Recipients:1:Municipalities:0"] = "vara",
    };

    [Fact]
    public async Task A_dry_run_writes_the_week_s_mime_message_to_stdout_and_sends_nothing()
    {
        var (exit, output, error) = await CliRun.RunWithSettingsAsync(Settings(), "", "digest", "--week", "2026-W48", "--list", "vara_kommun", "--dry-run");

        Assert.Equal(0, exit);
        using var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(output)), TestContext.Current.CancellationToken);
        Assert.Equal("Trygghetstips v. 48 (23–29 nov): 0 nya – Vara 0", message.Subject);
        Assert.Equal("trygghet@vara.example", message.To.Mailboxes.Single().Address);
        Assert.Contains("Trygghetstips vecka 48", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("\r\n", output, StringComparison.Ordinal);
        Assert.Contains("vara_kommun: digest-2026-W48-vara_kommun", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_pickup));
    }

    [Fact]
    public async Task A_resend_of_a_week_never_sent_is_refused_and_sends_nothing()
    {
        var (exit, _, error) = await CliRun.RunWithSettingsAsync(Settings(), "", "digest", "--week", "2026-W48", "--list", "kommunpolis", "--resend");

        Assert.Equal(1, exit);
        Assert.Contains("2026-W48 was never sent", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_pickup));
    }

    [Theory]
    [InlineData("digest", "--week", "2026-W48")]
    [InlineData("digest", "--week", "2026-W48", "--dry-run", "--resend")]
    [InlineData("digest", "--week", "48", "--dry-run")]
    [InlineData("digest", "--week", "2026-W48", "--list", "lerum", "--dry-run")]
    public async Task A_wrong_invocation_says_what_is_wrong_and_exits_2(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunWithSettingsAsync(Settings(), "", args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }
}
