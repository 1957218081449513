using System.Text;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Grastorp.Intake.Cli.Tests;

/// <summary>
/// The CLI works where the DevHost works: in development it reads the DevHost's own settings
/// (<c>src/DevHost/appsettings.json</c>), so a digest preview needs nothing but a reachable Azurite; anywhere else, or
/// against a real storage account, it reads only its real settings. Every error is one line and exit 2.
/// </summary>
public sealed class DevelopmentSettingsTests
{
    private static readonly string[] Preview = ["digest", "--week", "2026-W48", "--dry-run"];

    /// <summary>Only the storage: the test's own Azurite account instead of the DevHost's default ports.</summary>
    private static Dictionary<string, string?> StorageOnly() => new() { ["AzureWebJobsStorage"] = AzuriteAccounts.NewConnectionString() };

    [Fact]
    public async Task In_development_a_digest_preview_needs_no_setting_but_a_running_storage()
    {
        var (exit, output, error) = await CliRun.RunInEnvironmentAsync("Development", StorageOnly(), "", Preview);

        Assert.Equal(0, exit);
        using var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(output)), TestContext.Current.CancellationToken);
        // The DevHost's list, sender and site (its base URL from the DevHost's own address).
        Assert.Equal("kommunpolis@grastorp-intake.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("tips@grastorp-intake.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("Trygghetstips vecka 48", message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Development settings (appsettings.Development.json", error, StringComparison.Ordinal);
        Assert.Contains("kommunpolis: digest-2026-W48-kommunpolis", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_same_preview_names_a_missing_setting_in_one_line_and_exits_2()
    {
        var (exit, output, error) = await CliRun.RunInEnvironmentAsync("Production", StorageOnly(), "", Preview);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Development settings", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_settings_stay_out_when_storage_is_a_real_account()
    {
        var real = new Dictionary<string, string?> { ["AzureWebJobsStorage:accountName"] = "grastorpintake" };

        var (exit, output, error) = await CliRun.RunInEnvironmentAsync("Development", real, "", Preview);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Development settings", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_one_line_and_exit_2_not_a_stack_trace()
    {
        // A port nothing listens on: the connection is refused at once.
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Convert.ToBase64String(new byte[64]) +
                ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        };

        var (exit, output, error) = await CliRun.RunInEnvironmentAsync("Development", settings, "", Preview);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var lines = error.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length); // the development-settings notice, then the error
        Assert.StartsWith("Storage did not answer (AzureWebJobsStorage)", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=a;AccountKey=k;TableEndpoint=http://127.0.0.1:10002/a;QueueEndpoint=http://localhost:10001/a;", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=grastorp;AccountKey=k;EndpointSuffix=core.windows.net", false)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=a;AccountKey=k;TableEndpoint=http://10.0.0.5:10002/a;", false)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=a;AccountKey=k;TableEndpoint=http://127.0.0.1:10002/a;QueueEndpoint=https://a.queue.core.windows.net/;", false)]
    public void Storage_counts_as_local_only_when_unset_development_storage_or_on_this_machine(string? connection, bool local)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build();

        Assert.Equal(local, DevelopmentDefaults.StorageIsLocal(settings));
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    [InlineData("development", true)]
    public void A_named_environment_decides_whatever_the_build(string environment, bool development)
    {
        Assert.Equal(development, DevelopmentDefaults.IsDevelopment(environment));
    }
}
