using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Tests.Digest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Web.Tests.Digest;

/// <summary>The sample week rendered through the real registration (<c>AddIntakeWeb</c>) and Core's message factory.</summary>
internal static class RenderedDigest
{
    public static async Task<DigestMessage> Week48Async(bool countsOnly = false)
    {
        await using var web = new ServiceCollection().AddLogging().AddIntakeWeb().BuildServiceProvider();
        var factory = new DigestMessageFactory(
            DigestSamples.ViewBuilder(),
            web.GetRequiredService<IDigestBodyRenderer>(),
            Options.Create(new DigestOptions { From = "tips@grastorp-intake.example" }),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)));
        return await factory.CreateAsync(DigestSamples.Week48(countsOnly), resend: 0, CancellationToken.None);
    }

    /// <summary>The repository's root (where Grastorp.Intake.sln is), for files the tests write back.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grastorp.Intake.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Grastorp.Intake.sln not found above the test binaries.");
    }
}
