namespace Grastorp.Intake.Infra.Tests;

/// <summary>The three alerts query Application Insights and reach the operators through one action group.</summary>
public sealed class AlertsTests
{
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
