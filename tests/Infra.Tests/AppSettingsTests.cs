namespace Grastorp.Intake.Infra.Tests;

/// <summary>
/// The app settings in infra/modules/app-settings.bicep, resolved with main.bicepparam, against the settings the code
/// binds. When a test here fails after a merge, its message names the setting to add to (or drop from) that file.
/// </summary>
public sealed class AppSettingsTests
{
    /// <summary>Settings the Functions platform reads, not our code.</summary>
    private static readonly SettingPattern[] Platform =
    [
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", Required: true, "the Functions host (Application Insights)"),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", Required: true, "the Functions host (Entra auth to Application Insights)"),
        new("AzureWebJobsStorage__**", Required: true, "the Functions host (its own storage)"),
        new("AzureWebJobsDisableHomepage", Required: false, "the Functions host"),
    ];

    /// <summary>
    /// Set ahead of the code that will read them. Each must not be read yet: once it is, the test below fails and the
    /// entry goes. (Empty now: ACS delivery reads Digest__Transport and Acs__*.)
    /// </summary>
    private static readonly string[] AwaitingCode = [];

    private static readonly Lazy<IReadOnlyList<SettingPattern>> Code = new(CodeSettings.OfFunctionsApp);

    [Fact]
    public async Task Every_setting_the_code_requires_is_set_by_the_template()
    {
        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        var missing = Code.Value.Concat(Platform)
            .Where(p => p.Required && !settings.Keys.Any(p.Matches))
            .Select(p => $"  {p.Pattern} (read by {p.ReadBy})")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0,
            "The code requires settings the template does not set; add them to appSettings in infra/modules/app-settings.bicep:\n"
            + string.Join('\n', missing));
    }

    [Fact]
    public async Task Every_setting_the_template_sets_is_read_by_the_code_or_the_platform()
    {
        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        var unread = settings.Keys
            .Where(key => !Code.Value.Concat(Platform).Any(p => p.Matches(key)))
            .Where(key => !AwaitingCode.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unread.Count == 0,
            "The template sets settings nothing reads; remove them from infra/modules/app-settings.bicep, or rename them to what the code binds:\n  "
            + string.Join("\n  ", unread));
    }

    [Fact]
    public void Settings_awaiting_code_are_not_read_yet()
    {
        var nowRead = AwaitingCode.Where(key => Code.Value.Any(p => p.Matches(key))).ToList();
        Assert.True(nowRead.Count == 0,
            $"The code reads {string.Join(", ", nowRead)} now: remove them from {nameof(AppSettingsTests)}.{nameof(AwaitingCode)}.");
    }

    [Fact]
    public async Task No_setting_is_empty()
    {
        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        Assert.All(settings, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{s.Key} is empty."));
    }

    [Fact]
    public async Task The_digest_timer_runs_on_a_UTC_schedule_without_a_time_zone_setting()
    {
        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        Assert.Equal("0 0 4-8 * * 1-2", settings["DIGEST_SCHEDULE"]);
        Assert.False(settings.ContainsKey("WEBSITE_TIME_ZONE"), "WEBSITE_TIME_ZONE is not supported on Linux plans.");
        Assert.False(settings.ContainsKey("TZ"), "TZ broke TLS on Linux Consumption.");
    }

    [Fact]
    public async Task The_worked_example_sends_the_digest_to_its_recipient_lists_from_the_ACS_sender()
    {
        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        Assert.Equal("kommunpolis", settings["Digest__Recipients__0__Id"]);
        Assert.Equal("kommunpolis.grastorp@polisen.se", settings["Digest__Recipients__0__Addresses__0"]);
        Assert.Equal("grastorp", settings["Digest__Recipients__1__Municipalities__0"]);
        Assert.Equal("<senderAddress>", settings["Digest__From"]);
        Assert.Equal(["essunga", "grastorp", "vara"], settings.Where(s => s.Key.StartsWith("Municipalities__Ids__", StringComparison.Ordinal)).Select(s => s.Value).Order());
    }

    [Fact]
    public async Task Only_the_list_marked_as_the_polices_is_deployed_as_the_polices()
    {
        // The code reads Digest:Recipients:N:Audience (Kommun unless set): the template must write it for every list,
        // or a redeploy silently drops a hand-set value.
        var settings = (await CompiledInfra.GetAsync()).AppSettings;
        Assert.Equal("Kommunpolis", settings["Digest__Recipients__0__Audience"]);
        Assert.Equal("Kommun", settings["Digest__Recipients__1__Audience"]);
        Assert.Equal("trygghet@grastorp.se", settings["Digest__Recipients__1__Addresses__0"]);
    }

    [Fact]
    public async Task The_function_app_gets_exactly_the_resolved_settings_object()
    {
        // The template must deploy what this class checks: the site's settings are the appSettings function's result.
        var template = (await CompiledInfra.GetAsync()).Template;
        var passed = template["resources"]!["functionApp"]!["properties"]!["parameters"]!["appSettings"]!["value"]!.GetValue<string>();
        Assert.StartsWith("[__bicep.appSettings(variables('appParameters'), ", passed);
        var config = Assert.Single(ArmResources.OfType(ArmResources.Module(template, "functionApp"), "Microsoft.Web/sites/config"),
            c => c.Name.Contains("'appsettings'", StringComparison.Ordinal));
        Assert.Equal("[parameters('appSettings')]", config.Body["properties"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_app_is_told_it_stands_behind_the_front_end_by_a_setting_of_its_own()
    {
        // Not WEBSITE_INSTANCE_ID, which marks App Service and may be missing on Flex Consumption: without this every
        // resident would count as the front end's address and share one rate-limit window.
        var infra = await CompiledInfra.GetAsync();
        Assert.Equal("True", infra.AppSettings["RateLimit__BehindFrontEnd"], ignoreCase: true);
        Assert.False(infra.AppSettings.ContainsKey("RateLimit__PerDay"), "The day cap is gone: it locked out a school or a carrier's NAT.");
        Assert.DoesNotContain("RateLimits", infra.Tables);
    }

    [Fact]
    public async Task The_rate_limits_site_wide_bound_rests_on_a_maximum_of_40_instances()
    {
        // Each instance counts in memory: a client gets at most the limit times the instances (README, "Rate limit").
        var template = (await CompiledInfra.GetAsync()).Template;
        Assert.Equal(40, template["parameters"]!["maximumInstanceCount"]!["defaultValue"]!.GetValue<int>());
    }
}
