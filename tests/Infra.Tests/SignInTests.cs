namespace Grastorp.Intake.Infra.Tests;

/// <summary>Built-in authentication keeps the staff area behind Entra ID and leaves the public pages open.</summary>
public sealed class SignInTests
{
    private static readonly string[] PublicPaths =
    [
        "/", "/en", "/status/*", "/api/tips", "/api/tips/*", "/static/*", "/tillganglighet", "/personuppgifter",
        "/uppfoljning", "/uppfoljning/*", "/api/followup",
    ];

    [Fact]
    public async Task Everything_needs_an_Entra_sign_in_except_the_public_pages()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var auth = Assert.Single(ArmResources.OfType(ArmResources.Module(template, "functionApp"), "Microsoft.Web/sites/config"),
            c => c.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        var validation = auth.Properties!["globalValidation"]!;
        Assert.True(validation["requireAuthentication"]!.GetValue<bool>());
        Assert.True(auth.Properties["platform"]!["enabled"]!.GetValue<bool>());
        Assert.True(auth.Properties["identityProviders"]!["azureActiveDirectory"]!["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain("clientSecret", auth.Properties.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var excluded = template["variables"]!["publicPaths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(PublicPaths.Order(StringComparer.Ordinal), excluded.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(excluded, p => p.StartsWith("/personal", StringComparison.Ordinal) || p.StartsWith("/api/stats", StringComparison.Ordinal));
    }
}
