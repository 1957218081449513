namespace Grastorp.Intake.Infra.Tests;

/// <summary>The template creates every queue and table the code uses, so nothing depends on create-at-first-use.</summary>
public sealed class StorageResourcesTests
{
    [Fact]
    public async Task Every_queue_named_in_the_code_is_created()
    {
        var infra = await CompiledInfra.GetAsync();
        var queues = CodeSettings.Constants(name => name.EndsWith("Queue", StringComparison.Ordinal));
        Assert.NotEmpty(queues);
        Assert.All(queues, q => Assert.True(infra.Queues.Contains(q.Value), $"Queue '{q.Value}' ({q.Field}) is not created by the template."));
    }

    [Fact]
    public async Task Every_table_the_settings_name_is_created()
    {
        var infra = await CompiledInfra.GetAsync();
        var tableSettings = CodeSettings.OfFunctionsApp()
            .Where(p => p.Pattern.EndsWith("Table", StringComparison.OrdinalIgnoreCase) && !p.Pattern.Contains('#', StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(tableSettings);
        Assert.All(tableSettings, p =>
        {
            Assert.True(infra.AppSettings.TryGetValue(p.Pattern, out var table), $"{p.Pattern} is not set.");
            Assert.True(infra.Tables.Contains(table), $"Table '{table}' ({p.Pattern}) is not created by the template.");
        });
    }

    [Fact]
    public async Task The_storage_module_creates_the_resolved_tables_and_queues()
    {
        var infra = await CompiledInfra.GetAsync();
        var storage = infra.Template["resources"]!["storage"]!["properties"]!["parameters"]!;
        Assert.Equal("[__bicep.tableNames(parameters('tables'))]", storage["tableNames"]!["value"]!.GetValue<string>());
        Assert.Equal("[variables('queueNames')]", storage["queueNames"]!["value"]!.GetValue<string>());
        Assert.Equal(infra.Queues, infra.Template["variables"]!["queueNames"]!.AsArray().Select(q => q!.GetValue<string>()));
        var module = ArmResources.Module(infra.Template, "storage");
        Assert.Single(ArmResources.OfType(module, "Microsoft.Storage/storageAccounts/tableServices/tables"), t => t.Body["copy"] is not null);
        Assert.Single(ArmResources.OfType(module, "Microsoft.Storage/storageAccounts/queueServices/queues"), q => q.Body["copy"] is not null);
    }
}
