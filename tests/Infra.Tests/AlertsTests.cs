namespace Grastorp.Intake.Infra.Tests;

/// <summary>
/// Two alerts query Application Insights, the 5xx alert reads the platform's metric (no request telemetry is
/// written: its paths carry reference codes); all reach the operators through one action group.
/// </summary>
public sealed class AlertsTests
{
    [Theory]
    [InlineData("tip-poisoned", "tips-poison")]
    [InlineData("digest-missing", "Europe/Stockholm")]
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

    [Fact]
    public async Task Server_errors_are_counted_by_the_platforms_Http5xx_metric_not_from_request_telemetry()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var module = ArmResources.Module(template, "alerts");
        Assert.DoesNotContain("requests", module["variables"]!["alerts"]!.ToJsonString(), StringComparison.Ordinal);
        var alert = Assert.Single(ArmResources.OfType(module, "Microsoft.Insights/metricAlerts"));
        var criterion = Assert.Single(alert.Properties!["criteria"]!["allOf"]!.AsArray());
        Assert.Equal("Http5xx", criterion!["metricName"]!.GetValue<string>());
        Assert.Equal("Microsoft.Web/sites", criterion["metricNamespace"]!.GetValue<string>());
        Assert.Contains("functionAppId", alert.Properties["scopes"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/sites", template["resources"]!["alerts"]!["properties"]!["parameters"]!["functionAppId"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("actionGroupId", alert.Properties["actions"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
