using System.Text.RegularExpressions;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>What a security reviewer checks, read from the compiled ARM JSON.</summary>
public sealed partial class SecurityDefaultsTests
{
    private static async Task<ArmResources.Resource> Single(string type) =>
        Assert.Single(ArmResources.OfType((await CompiledInfra.GetAsync()).Template, type));

    [Fact]
    public async Task Storage_takes_no_shared_keys_no_public_blobs_and_only_HTTPS_with_TLS_1_2()
    {
        var properties = (await Single("Microsoft.Storage/storageAccounts")).Properties!;
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Storage_is_locked_against_deletion()
    {
        var locks = ArmResources.OfType((await CompiledInfra.GetAsync()).Template, "Microsoft.Authorization/locks");
        var storageLock = Assert.Single(locks);
        Assert.Equal("CanNotDelete", storageLock.Properties!["level"]!.GetValue<string>());
        Assert.Contains("Microsoft.Storage/storageAccounts", storageLock.Body["scope"]!.ToString());
    }

    [Fact]
    public async Task The_app_runs_on_Flex_Consumption_HTTPS_only_with_TLS_1_2()
    {
        var plan = await Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.Body["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Body["sku"]!["tier"]!.GetValue<string>());

        var site = await Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.Body["kind"]!.GetValue<string>());
        Assert.True(site.Properties!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", site.Properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        var runtime = site.Properties["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Basic_publishing_credentials_are_off_for_FTP_and_SCM()
    {
        var policies = ArmResources.OfType((await CompiledInfra.GetAsync()).Template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => p.Name.Contains("'ftp'", StringComparison.Ordinal));
        Assert.Contains(policies, p => p.Name.Contains("'scm'", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False(p.Properties!["allow"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task The_app_deploys_its_package_and_reaches_storage_with_its_user_assigned_identity()
    {
        var site = await Single("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", site.Body["identity"]!["type"]!.GetValue<string>());
        var authentication = site.Properties!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", authentication["type"]!.GetValue<string>());

        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.True(settings.ContainsKey("AzureWebJobsStorage__clientId"), "AzureWebJobsStorage__clientId is not set.");
        Assert.True(settings.ContainsKey("AzureWebJobsStorage__accountName"), "AzureWebJobsStorage__accountName is not set.");

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "A storage connection string is set.");
    }

    [Fact]
    public async Task No_key_connection_string_or_SAS_appears_anywhere_in_the_template()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.DoesNotMatch(KeyMaterial(), infra.TemplateText);
        Assert.All(infra.AppSettings, s => Assert.DoesNotMatch(KeyMaterial(), s.Value));
    }

    [Fact]
    public async Task Application_Insights_and_Log_Analytics_accept_only_Entra_authentication()
    {
        var insights = await Single("Microsoft.Insights/components");
        Assert.True(insights.Properties!["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Properties["WorkspaceResourceId"]!.ToString());
        var workspace = await Single("Microsoft.OperationalInsights/workspaces");
        Assert.True(workspace.Properties!["features"]!["disableLocalAuth"]!.GetValue<bool>());

        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        Assert.Matches("^ClientId=.+;Authorization=AAD$", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public async Task Communication_Services_takes_no_access_keys_and_sends_from_a_linked_domain()
    {
        var acs = await Single("Microsoft.Communication/communicationServices");
        Assert.True(acs.Properties!["disableLocalAuth"]!.GetValue<bool>());
        Assert.Single(acs.Properties["linkedDomains"]!.AsArray());
        var domains = ArmResources.OfType((await CompiledInfra.GetAsync()).Template, "Microsoft.Communication/emailServices/domains");
        Assert.Contains(domains, d => d.Properties!["domainManagement"]!.GetValue<string>() == "AzureManaged");
        Assert.All(domains, d => Assert.Equal("Disabled", d.Properties!["userEngagementTracking"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    public async Task The_app_identity_holds_each_data_role_on_its_resource(string roleId, string scopeType)
    {
        var rbac = ArmResources.Module((await CompiledInfra.GetAsync()).Template, "rbac");
        var rbacText = rbac.ToJsonString();
        Assert.Contains(roleId, rbacText);
        var assignments = ArmResources.OfType(rbac, "Microsoft.Authorization/roleAssignments");
        var onScope = Assert.Single(assignments, a => a.Body["scope"]!.ToString().Contains(scopeType, StringComparison.Ordinal));
        Assert.NotNull(onScope.Body["copy"]);
        Assert.Contains("principalType", onScope.Properties!.ToJsonString());
        Assert.Contains("guid(", onScope.Name);
        Assert.Contains("reference('identity').principalId", AppPrincipal(await CompiledInfra.GetAsync()));
    }

    [Fact]
    public async Task The_app_identity_sends_e_mail_through_a_role_scoped_to_Communication_Services_the_custom_one_only_when_asked()
    {
        var infra = await CompiledInfra.GetAsync();
        var rbac = ArmResources.Module(infra.Template, "rbac");
        var role = Assert.Single(ArmResources.OfType(rbac, "Microsoft.Authorization/roleDefinitions"));
        var actions = role.Properties!["permissions"]![0]!["actions"]!.AsArray().Select(a => a!.GetValue<string>());
        Assert.Equal(
            ["Microsoft.Communication/CommunicationServices/Read", "Microsoft.Communication/CommunicationServices/Write", "Microsoft.Communication/EmailServices/write"],
            actions.Order(StringComparer.Ordinal));
        var assignment = Assert.Single(ArmResources.OfType(rbac, "Microsoft.Authorization/roleAssignments"),
            a => a.Body["scope"]!.ToString().Contains("Microsoft.Communication/communicationServices", StringComparison.Ordinal));
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('emailRole'))]", assignment.Properties!["roleDefinitionId"]!.ToString());

        // A first deployment cannot assign a role definition it has just made (it replicates slowly): the built-in
        // Communication and Email Service Owner until the operator switches, once the definition exists.
        Assert.Equal(
            "[if(equals(parameters('emailSenderRole'), 'custom'), guid(resourceGroup().id, 'acs-email-sender'), variables('communicationAndEmailServiceOwner'))]",
            rbac["variables"]!["emailRole"]!.GetValue<string>());
        Assert.Equal("09976791-48a7-449e-bb21-39d1a415f350", rbac["variables"]!["communicationAndEmailServiceOwner"]!.GetValue<string>());
        Assert.Equal("builtIn", infra.Template["parameters"]!["emailSenderRole"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("builtIn", infra.Parameters["emailSenderRole"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_deploying_user_gets_data_roles_only_when_asked()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.False(infra.Template["parameters"]!["grantDeployerDataAccess"]!["defaultValue"]!.GetValue<bool>());
        Assert.False(infra.Parameters["grantDeployerDataAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task No_output_carries_a_secret_or_key()
    {
        var infra = await CompiledInfra.GetAsync();
        var templates = new[] { infra.Template }
            .Concat(infra.Template["resources"]!.AsObject()
                .Where(r => r.Value!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments")
                .Select(r => r.Value!["properties"]!["template"]!.AsObject()));
        foreach (var template in templates)
        {
            foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
            {
                Assert.DoesNotMatch(SecretName(), name);
                Assert.NotEqual("securestring", output!["type"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
                Assert.DoesNotMatch(KeyMaterial(), output["value"]!.ToString());
                Assert.DoesNotContain("ConnectionString", output["value"]!.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal(["appUrl", "formUrl", "functionAppName", "identityClientId", "senderAddress"], infra.Template["outputs"]!.AsObject().Select(o => o.Key).Order());
    }

    private static string AppPrincipal(CompiledInfra infra) =>
        infra.Template["resources"]!["rbac"]!["properties"]!["parameters"]!["appPrincipalId"]!["value"]!.ToString();

    [GeneratedRegex(@"listKeys\(|listAccountSas|listServiceSas|listConnectionStrings|AccountKey=|SharedAccessSignature|SharedAccessKey", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();

    [GeneratedRegex("key|secret|password|connectionstring|token|sas", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
