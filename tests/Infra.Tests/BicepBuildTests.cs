namespace Grastorp.Intake.Infra.Tests;

/// <summary>The Bicep CLI from NuGet builds and lints infra/ offline with zero errors and zero warnings (bicepconfig.json raises the linter to errors).</summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task Main_bicep_builds_without_a_diagnostic()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.True(infra.Build.IsClean, infra.Build.ToString());
    }

    [Fact]
    public async Task Main_bicep_lints_without_a_diagnostic()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.True(infra.Lint.IsClean, infra.Lint.ToString());
    }

    [Fact]
    public async Task The_worked_example_parameters_build_without_a_diagnostic()
    {
        var infra = await CompiledInfra.GetAsync();
        Assert.True(infra.BuildParams.IsClean, infra.BuildParams.ToString());
        Assert.True(infra.LintParams.IsClean, infra.LintParams.ToString());
        Assert.True(infra.Resolve.IsClean, infra.Resolve.ToString());
    }

    [Fact]
    public async Task The_linter_would_fail_a_template_that_breaks_a_rule()
    {
        // A rule raised to error must make lint fail, or the lint test above could never fail.
        var probe = Directory.CreateTempSubdirectory("lint-probe-").FullName;
        File.Copy(Path.Combine(BuildPaths.Infra, "bicepconfig.json"), Path.Combine(probe, "bicepconfig.json"));
        var file = Path.Combine(probe, "probe.bicep");
        await File.WriteAllTextAsync(file, "param unused string\n", TestContext.Current.CancellationToken);
        try
        {
            var lint = await BicepCli.RunAsync("lint", file);
            Assert.False(lint.IsClean);
            Assert.Contains("Error no-unused-params", lint.Diagnostics);
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }

    [Fact]
    public void Modules_are_local_files_only()
    {
        // br/public: and ts: references need the network, which neither the tests nor a locked-down pipeline has.
        foreach (var file in Directory.GetFiles(BuildPaths.Infra, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br:", text);
            Assert.DoesNotContain("'br/", text);
            Assert.DoesNotContain("'ts:", text);
            Assert.DoesNotContain("'ts/", text);
        }
    }
}
