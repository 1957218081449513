using System.Text.Json.Nodes;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>
/// What a first deployment on Flex Consumption would trip over (issue 33, docs/DEPLOY.md), read from the compiled ARM
/// JSON: properties Flex rejects, bounds it documents, writes to one site that must not race, and storage by account name.
/// </summary>
public sealed class FirstDeploymentTests
{
    private static readonly string[] SiteWrites =
    [
        "Microsoft.Web/sites/config:appsettings",
        "Microsoft.Web/sites/config:authsettingsV2",
        "Microsoft.Web/sites/basicPublishingCredentialsPolicies:ftp",
        "Microsoft.Web/sites/basicPublishingCredentialsPolicies:scm",
    ];

    [Fact]
    public async Task No_site_sets_ftpsState_which_Flex_Consumption_rejects()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.DoesNotContain("ftpsState", infra.TemplateText, StringComparison.OrdinalIgnoreCase);
        var site = Assert.Single(ArmResources.OfType(infra.Template, "Microsoft.Web/sites"));
        Assert.Null(site.Properties!["siteConfig"]!["ftpsState"]);
    }

    [Fact]
    public async Task The_maximum_instance_count_is_bounded_as_Flex_documents_it_40_to_1000()
    {
        var infra = await CompiledInfra.GetAsync();
        foreach (var declaration in new[]
        {
            infra.Template["parameters"]!["maximumInstanceCount"]!,
            ArmResources.Module(infra.Template, "functionApp")["parameters"]!["maximumInstanceCount"]!,
        })
        {
            Assert.Equal(40, declaration["minValue"]!.GetValue<int>());
            Assert.Equal(1000, declaration["maxValue"]!.GetValue<int>());
        }

        Assert.InRange(infra.Parameters["maximumInstanceCount"]!.GetValue<int>(), 40, 1000);
    }

    [Fact]
    public async Task The_four_writes_to_the_site_run_one_after_another()
    {
        var module = ArmResources.Module((await CompiledInfra.GetAsync()).Template, "functionApp");
        var resources = module["resources"]!.AsObject();
        var writes = resources
            .Select(r => (Symbol: r.Key, Write: $"{r.Value!["type"]}:{ChildName(r.Value!["name"]!.GetValue<string>())}"))
            .Where(r => SiteWrites.Contains(r.Write))
            .ToDictionary(r => r.Write, r => r.Symbol);
        Assert.Equal(SiteWrites.Order(StringComparer.Ordinal), writes.Keys.Order(StringComparer.Ordinal));

        // Each write after the first depends on the one before it, so no two of them are ever in flight together.
        for (var i = 1; i < SiteWrites.Length; i++)
        {
            var dependsOn = resources[writes[SiteWrites[i]]]!["dependsOn"]?.AsArray().Select(d => d!.GetValue<string>()) ?? [];
            Assert.True(dependsOn.Contains(writes[SiteWrites[i - 1]]), $"{SiteWrites[i]} does not wait for {SiteWrites[i - 1]}.");
        }
    }

    [Fact]
    public async Task Storage_is_named_by_account_not_by_the_three_service_uris()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.Equal("<storageAccountName>", infra.AppSettings["AzureWebJobsStorage__accountName"]);
        Assert.DoesNotContain(infra.AppSettings.Keys, k => k.EndsWith("ServiceUri", StringComparison.OrdinalIgnoreCase));

        // The name passed in is the storage module's account, the one the identity holds its data roles on.
        var passed = infra.Template["resources"]!["functionApp"]!["properties"]!["parameters"]!["appSettings"]!["value"]!.GetValue<string>();
        Assert.Contains("'storageAccountName', reference('storage').outputs.name.value", passed, StringComparison.Ordinal);
    }

    /// <summary><c>[format('{0}/{1}', parameters('appName'), 'appsettings')]</c> → <c>appsettings</c>.</summary>
    private static string ChildName(string name)
    {
        var last = name.LastIndexOf('\'');
        var before = name.LastIndexOf('\'', last - 1);
        return last > 0 && before >= 0 ? name[(before + 1)..last] : name;
    }
}
