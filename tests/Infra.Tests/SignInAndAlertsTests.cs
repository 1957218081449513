namespace Grastorp.Intake.Infra.Tests;

/// <summary>Built-in authentication keeps the staff area behind Entra ID; the alerts reach the operators.</summary>
public sealed class SignInAndAlertsTests
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

    [Theory]
    [InlineData("tip-poisoned", "tips-poison")]
    [InlineData("digest-missing", "Europe/Stockholm")]
    [InlineData("server-errors", ">= 500")]
    public async Task Each_alert_queries_Application_Insights_and_tells_the_operators(string alert, string queryPart)
    {
        var module = ArmResources.Module((await CompiledInfra.GetAsync()).Template, "alerts");
        var alerts = module["variables"]!["alerts"]!.AsArray();
        var definition = Assert.Single(alerts, a => a!["name"]!.GetValue<string>() == alert);
        Assert.Contains(queryPart, definition!["query"]!.ToString(), StringComparison.Ordinal);
        var rules = Assert.Single(ArmResources.OfType(module, "Microsoft.Insights/scheduledQueryRules"));
        Assert.Contains("actionGroups", rules.Properties!["actions"]!.ToJsonString());
        Assert.Single(ArmResources.OfType(module, "Microsoft.Insights/actionGroups"));
    }
}
