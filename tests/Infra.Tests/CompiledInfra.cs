using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>
/// infra/ compiled once for all tests: main.bicep built and linted, main.bicepparam built, and the app settings,
/// table and queue names evaluated by Bicep itself with main.bicepparam's values (a generated parameters file calls
/// the functions main.bicep calls, so nothing here re-implements the template's logic).
/// </summary>
internal sealed class CompiledInfra
{
    private static readonly Lazy<Task<CompiledInfra>> Instance = new(LoadAsync);

    public required BicepCli.Run Build { get; init; }
    public required BicepCli.Run Lint { get; init; }
    public required BicepCli.Run LintParams { get; init; }
    public required BicepCli.Run BuildParams { get; init; }
    public required BicepCli.Run Resolve { get; init; }

    /// <summary>main.bicep compiled to ARM JSON.</summary>
    public required JsonObject Template { get; init; }

    public required string TemplateText { get; init; }

    /// <summary>Every parameter's value for the worked example: main.bicepparam, else the template's default.</summary>
    public required JsonObject Parameters { get; init; }

    /// <summary>The app settings the function app gets, as resolved with main.bicepparam.</summary>
    public required IReadOnlyDictionary<string, string> AppSettings { get; init; }

    public required IReadOnlyList<string> Tables { get; init; }
    public required IReadOnlyList<string> Queues { get; init; }

    public static Task<CompiledInfra> GetAsync() => Instance.Value;

    private static async Task<CompiledInfra> LoadAsync()
    {
        var work = Directory.CreateTempSubdirectory("infra-tests-").FullName;
        try
        {
            return await LoadAsync(work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<CompiledInfra> LoadAsync(string work)
    {
        var templatePath = Path.Combine(work, "main.json");
        var parametersPath = Path.Combine(work, "main.parameters.json");

        var build = await BicepCli.RunAsync("build", "main.bicep", "--outfile", templatePath);
        var lint = await BicepCli.RunAsync("lint", "main.bicep");
        var lintParams = await BicepCli.RunAsync("lint", "main.bicepparam");
        var buildParams = await BicepCli.RunAsync("build-params", "main.bicepparam", "--outfile", parametersPath);
        if (build.ExitCode != 0 || buildParams.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/ does not compile.\n{build}\n{buildParams}");
        }

        var templateText = await File.ReadAllTextAsync(templatePath);
        var template = JsonNode.Parse(templateText)!.AsObject();
        var parameters = ParameterValues(template, JsonNode.Parse(await File.ReadAllTextAsync(parametersPath))!.AsObject());

        var resolvePath = Path.Combine(work, "resolve.bicepparam");
        await File.WriteAllTextAsync(resolvePath, ResolveFile(template, parameters, work));
        var resolvedPath = Path.Combine(work, "resolved.json");
        var resolve = await BicepCli.RunAsync("build-params", resolvePath, "--outfile", resolvedPath);
        if (resolve.ExitCode != 0)
        {
            throw new InvalidOperationException($"The app settings could not be resolved.\n{resolve}");
        }

        var resolved = JsonNode.Parse(await File.ReadAllTextAsync(resolvedPath))!["parameters"]!;
        return new CompiledInfra
        {
            Build = build,
            Lint = lint,
            LintParams = lintParams,
            BuildParams = buildParams,
            Resolve = resolve,
            Template = template,
            TemplateText = templateText,
            Parameters = parameters,
            AppSettings = resolved["settings"]!["value"]!.AsObject()
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase),
            Tables = [.. resolved["tables"]!["value"]!.AsArray().Select(t => t!.GetValue<string>())],
            Queues = [.. resolved["queues"]!["value"]!.AsArray().Select(q => q!.GetValue<string>())],
        };
    }

    private static JsonObject ParameterValues(JsonObject template, JsonObject parametersFile)
    {
        var values = new JsonObject();
        var given = parametersFile["parameters"]!.AsObject();
        foreach (var (name, declaration) in template["parameters"]!.AsObject())
        {
            if (given[name]?["value"] is { } value)
            {
                values[name] = value.DeepClone();
            }
            else if (declaration!["defaultValue"] is { } fallback
                && !(fallback.GetValueKind() == JsonValueKind.String && fallback.GetValue<string>().StartsWith('[')))
            {
                values[name] = fallback.DeepClone();
            }
        }

        return values;
    }

    /// <summary>
    /// A parameters file that asks Bicep to evaluate app-settings.bicep's functions with the worked example's values,
    /// and placeholders for what only a deployment knows (endpoints, the identity's client id).
    /// </summary>
    private static string ResolveFile(JsonObject template, JsonObject parameters, string directory)
    {
        var definitions = template["definitions"]!.AsObject();
        var appParameters = new JsonObject();
        foreach (var (name, _) in Definition(definitions, "AppParameters")["properties"]!.AsObject())
        {
            appParameters[name] = parameters[name]?.DeepClone()
                ?? throw new InvalidOperationException($"main.bicep parameter '{name}' has no literal value in main.bicepparam or as its default.");
        }

        var endpoints = new JsonObject();
        foreach (var (name, _) in Definition(definitions, "Endpoints")["properties"]!.AsObject())
        {
            endpoints[name] = $"<{name}>";
        }

        var library = Path.GetRelativePath(directory, Path.Combine(BuildPaths.Infra, "modules", "app-settings.bicep")).Replace('\\', '/');
        return new StringBuilder()
            .AppendLine("using none")
            .AppendLine($"import {{ appSettings, queueNames, tableNames }} from '{library}'")
            .AppendLine($"var app = json('{BicepString(appParameters.ToJsonString())}')")
            .AppendLine($"param settings = appSettings(app, json('{BicepString(endpoints.ToJsonString())}'))")
            .AppendLine("param tables = tableNames(app.tables)")
            .AppendLine("param queues = queueNames")
            .ToString();
    }

    private static JsonObject Definition(JsonObject definitions, string name) =>
        definitions.Single(d => d.Key == name || d.Key.EndsWith($".{name}", StringComparison.Ordinal)).Value!.AsObject();

    private static string BicepString(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal);
}
