using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>The discovery the settings comparison rests on, checked on options written here and on the real build.</summary>
public sealed class CodeSettingsTests
{
    public sealed class SampleOptions
    {
        public const string SectionName = "Sample";

        [Required]
        public string Name { get; set; } = "x";

        public int Count { get; set; }

        [MinLength(1)]
        public List<SampleItem> Items { get; set; } = [];

        public string[] Tags { get; set; } = [];

        [Required]
        public SampleNested Nested { get; set; } = new();

        public SampleNested Loose { get; set; } = new();

        public Dictionary<string, string> Map { get; set; } = [];

        public string Computed => Name;
    }

    public sealed class SampleItem
    {
        public string Id { get; set; } = string.Empty;

        public List<string> Addresses { get; set; } = [];
    }

    public sealed class SampleNested
    {
        [Required]
        public string Inner { get; set; } = string.Empty;
    }

    private static IReadOnlyList<SettingPattern> Sample() =>
        [.. CodeSettings.FromAssemblies([typeof(CodeSettingsTests).Assembly.Location], AppContext.BaseDirectory).Where(p => p.ReadBy == nameof(SampleOptions))];

    [Theory]
    [InlineData("Sample__Name", true)]
    [InlineData("sample__name", true)]
    [InlineData("Sample__Count", true)]
    [InlineData("Sample__Items__0__Id", true)]
    [InlineData("Sample__Items__12__Addresses__3", true)]
    [InlineData("Sample__Tags__0", true)]
    [InlineData("Sample__Nested__Inner", true)]
    [InlineData("Sample__Map__anything", true)]
    [InlineData("Sample__Loose__Inner", true)]
    [InlineData("Sample__Computed", false)]
    [InlineData("Sample__Items__x__Id", false)]
    [InlineData("Sample__Tags", false)]
    [InlineData("Sample__Unknown", false)]
    [InlineData("Other__Name", false)]
    public void Options_classes_are_walked_into_nested_objects_lists_and_dictionaries(string setting, bool read)
    {
        Assert.Equal(read, Sample().Any(p => p.Matches(setting)));
    }

    [Fact]
    public void Required_properties_and_non_empty_lists_are_required()
    {
        var required = Sample().Where(p => p.Required).Select(p => p.Pattern).Order(StringComparer.Ordinal);
        Assert.Equal(["Sample__Items__#__**", "Sample__Name", "Sample__Nested__Inner"], required);
    }

    [Fact]
    public void Binding_expressions_and_connections_in_functions_metadata_are_settings()
    {
        var metadata = JsonNode.Parse("""
            [{ "name": "F", "bindings": [
              { "type": "timerTrigger", "schedule": "%MY_SCHEDULE%" },
              { "type": "queueTrigger", "queueName": "%QUEUE_NAME%", "connection": "MyStorage" } ] }]
            """)!.AsArray();
        var settings = CodeSettings.FromFunctionsMetadata(metadata);
        Assert.Contains(settings, p => p.Required && p.Matches("MY_SCHEDULE"));
        Assert.Contains(settings, p => p.Required && p.Matches("QUEUE_NAME"));
        Assert.Contains(settings, p => p.Required && p.Matches("MyStorage__queueServiceUri"));
        Assert.Contains(settings, p => p.Matches("MyStorage"));
    }

    [Fact]
    public void The_Functions_app_is_read_from_its_own_projects_assemblies()
    {
        var names = CodeSettings.ProjectAssemblies().Select(Path.GetFileName).ToList();
        Assert.Contains("Grastorp.Intake.Functions.dll", names);
        Assert.Contains("Grastorp.Intake.Core.dll", names);
        Assert.All(CodeSettings.ProjectAssemblies(), path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void The_Functions_build_reads_the_known_settings()
    {
        var settings = CodeSettings.OfFunctionsApp();
        Assert.Contains(settings, p => p.Required && p.Matches("DIGEST_SCHEDULE"));
        Assert.Contains(settings, p => p.Required && p.Matches("Digest__From"));
        Assert.Contains(settings, p => p.Required && p.Matches("Digest__Recipients__0__Addresses__0"));
        Assert.Contains(settings, p => p.Matches("Digest__Recipients__1__Audience"));
        Assert.Contains(settings, p => p.Matches("Classifier__Languages__1"));
        Assert.Contains(settings, p => p.Required && p.Matches("AzureWebJobsStorage__queueServiceUri"));
    }
}
