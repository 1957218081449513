using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>Built-in authentication keeps the staff area behind Entra ID and leaves the public pages open.</summary>
public sealed partial class SignInTests
{
    /// <summary>The staff area: never excluded from sign-in, whatever a function's own auth level.</summary>
    private static readonly string[] StaffPrefixes = ["/personal", "/en/personal"];

    /// <summary>Excluded from sign-in for scripts, and refused by the Functions host without a function key.</summary>
    private const string KeyedStats = "/api/stats";

    private static readonly string[] PublicPaths =
    [
        "/", "/en", "/status", "/status/*", "/kvitto/*", "/en/status", "/en/status/*", "/en/receipt/*", "/en/accessibility",
        "/en/personal-data", "/assets/*", "/api/tips", "/api/tips/*", "/static/*", "/tillganglighet", "/personuppgifter",
        "/uppfoljning", "/uppfoljning/*", "/uppfoljning.atom", "/en/follow-up", "/api/followup", KeyedStats,
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
        Assert.DoesNotContain(excluded, p => StaffPrefixes.Any(staff => p.StartsWith(staff + "/", StringComparison.Ordinal) || p == staff));
    }

    [Fact]
    public async Task Every_anonymous_route_of_the_app_is_outside_sign_in_and_every_staff_route_inside()
    {
        var excluded = (await CompiledInfra.GetAsync()).Template["variables"]!["publicPaths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BuildPaths.FunctionsOutput, "functions.metadata"), TestContext.Current.CancellationToken))!;
        var routes = metadata.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
                .Select(b => (Function: f["name"]!.GetValue<string>(), Path: SamplePath(b!["route"]?.GetValue<string>() ?? f["name"]!.GetValue<string>()), Level: b["authLevel"]!.GetValue<string>())))
            .ToList();
        Assert.NotEmpty(routes);

        var problems = new List<string>();
        foreach (var (function, path, level) in routes)
        {
            var isStaff = StaffPrefixes.Any(p => path == p || path.StartsWith($"{p}/", StringComparison.OrdinalIgnoreCase));
            var isExcluded = excluded.Any(e => IsExcluded(e, path));
            if (isStaff && isExcluded)
            {
                problems.Add($"{function} ({path}) is in the staff area but excluded from sign-in.");
            }
            else if (!isStaff && level == "Anonymous" && !isExcluded)
            {
                problems.Add($"{function} ({path}) is public but residents would be sent to sign-in: add it to publicPaths in infra/main.bicep.");
            }
            else if (isExcluded && level != "Anonymous" && !(path == KeyedStats && level == "Function"))
            {
                problems.Add($"{function} ({path}) is excluded from sign-in with auth level {level}: only {KeyedStats} may be, with a function key.");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task The_stats_API_is_outside_sign_in_so_a_script_can_call_it_with_its_function_key()
    {
        var excluded = (await CompiledInfra.GetAsync()).Template["variables"]!["publicPaths"]!.AsArray().Select(p => p!.GetValue<string>());
        Assert.Contains(KeyedStats, excluded);
        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BuildPaths.FunctionsOutput, "functions.metadata"), TestContext.Current.CancellationToken))!;
        var stats = Assert.Single(metadata.AsArray().SelectMany(f => f!["bindings"]!.AsArray()), b => b!["route"]?.GetValue<string>() == KeyedStats.TrimStart('/'));
        Assert.Equal("Function", stats!["authLevel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/", "/", true)]
    [InlineData("/", "/personal", false)]
    [InlineData("/api/tips/*", "/api/tips/K7QM3XDP2A", true)]
    [InlineData("/api/tips/*", "/api/tips", false)]
    [InlineData("/api/tips", "/api/tips", true)]
    [InlineData("/api/tips", "/api/tipsx", false)]
    public void Excluded_paths_match_exactly_or_by_a_whole_last_segment_wildcard(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, IsExcluded(pattern, path));
    }

    /// <summary>
    /// A path the route template answers, e.g. <c>api/tips/{reference}</c> → <c>/api/tips/x</c>; the root route's
    /// always-empty segment (<c>{ignored:maxlength(0)?}</c>) → <c>/</c>.
    /// </summary>
    private static string SamplePath(string route) =>
        "/" + RouteParameter().Replace(EmptySegment().Replace(route.Trim('/'), string.Empty), "x").Trim('/');

    private static bool IsExcluded(string pattern, string path) => pattern.EndsWith("/*", StringComparison.Ordinal)
        ? path.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) && path.Length > pattern.Length - 1
        : string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{[^}:]*:maxlength\(0\)\?\}")]
    private static partial Regex EmptySegment();
}
