namespace Grastorp.Intake.Web.Tests.Digest;

/// <summary>
/// The digest of a fixed week, both parts, against files checked in and read by eye. A change to the digest's
/// wording or layout shows up here as a diff to review; UPDATE_GOLDEN=1 rewrites the files after such a review.
/// </summary>
public class DigestGoldenFileTests
{
    private static string GoldenPath(string name) => Path.Combine(RenderedDigest.RepositoryRoot(), "tests", "Web.Tests", "Digest", "Golden", name);

    [Theory]
    [InlineData(false, "digest-2026-W48")]
    [InlineData(true, "digest-2026-W48-counts-only")]
    public async Task The_rendered_digest_matches_the_reviewed_golden_files(bool countsOnly, string name)
    {
        var message = await RenderedDigest.Week48Async(countsOnly);
        var text = $"Subject: {message.Subject}\n\n{message.PlainText}";

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(GoldenPath(name + ".txt"), text, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(GoldenPath(name + ".html"), message.Html, TestContext.Current.CancellationToken);
        }

        Assert.Equal(await File.ReadAllTextAsync(GoldenPath(name + ".txt"), TestContext.Current.CancellationToken), text);
        Assert.Equal(await File.ReadAllTextAsync(GoldenPath(name + ".html"), TestContext.Current.CancellationToken), message.Html);
    }
}
