using System.Reflection;
using System.Text.Json;

namespace Grastorp.Intake.Functions.Tests;

/// <summary>What the Functions host will index, read from the functions.metadata the worker SDK generated at build.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string Output = typeof(FunctionsMetadataTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;

    private static JsonElement Trigger(string function)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        var entry = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == function);
        return entry.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)).Clone();
    }

    [Fact]
    public void Every_function_is_listed_and_nothing_else()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        Assert.Equal(
            [
                "AnswerInConversation", "AnswerInConversationInEnglish", "ApplyRetention", "CheckTip", "ClassifyTip", "CorrectTipThemes", "ExportDashboardCsv", "ExportDashboardCsvInEnglish", "GetFollowUp", "GetFollowUpFeed", "GetThemeCounts", "GetTipStatus",
                "MoveTip", "OpenConversation", "OpenConversationInEnglish", "PurgeAuditLog", "RecordCommitmentAction", "RecordCommitmentActionInEnglish", "RefreshFollowUp", "SendWeeklyDigest", "ServeAsset", "ShowAccessibility",
                "ShowAccessibilityInEnglish", "ShowActions", "ShowActionsInEnglish", "ShowAuditLog", "ShowAuditLogInEnglish", "ShowDashboard", "ShowDashboardInEnglish", "ShowFollowUp", "ShowFollowUpInEnglish", "ShowPrivacy", "ShowPrivacyInEnglish",
                "ShowReceipt", "ShowReceiptInEnglish", "ShowTip", "ShowTipForm", "ShowTipFormInEnglish", "ShowTipInEnglish", "ShowTipList", "ShowTipListInEnglish", "ShowTipStatus", "ShowTipStatusInEnglish",
                "SubmitTip", "WithdrawCommitmentAction", "WithdrawCommitmentActionInEnglish", "WriteToTipster",
            ],
            metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());
    }

    [Theory]
    [InlineData("SubmitTip", "post", "api/tips", "Anonymous")]
    [InlineData("CheckTip", "post", "api/tips/check", "Anonymous")]
    [InlineData("GetTipStatus", "get", "api/tips/{reference}", "Anonymous")]
    [InlineData("GetThemeCounts", "get", "api/stats", "Function")]
    [InlineData("ShowDashboard", "get", "personal/statistik", "Anonymous")]
    [InlineData("ExportDashboardCsv", "get", "personal/statistik/csv", "Anonymous")]
    [InlineData("ShowTipList", "get", "personal/tips", "Anonymous")]
    [InlineData("ShowTip", "get", "personal/tips/{reference}", "Anonymous")]
    [InlineData("ShowTipInEnglish", "get", "en/personal/tips/{reference}", "Anonymous")]
    [InlineData("CorrectTipThemes", "post", "personal/tips/rattelse", "Anonymous")]
    [InlineData("ShowAuditLog", "get", "personal/granskning", "Anonymous")]
    [InlineData("ShowDashboardInEnglish", "get", "en/personal/statistik", "Anonymous")]
    [InlineData("ExportDashboardCsvInEnglish", "get", "en/personal/statistik/csv", "Anonymous")]
    [InlineData("ShowTipListInEnglish", "get", "en/personal/tips", "Anonymous")]
    [InlineData("ShowAuditLogInEnglish", "get", "en/personal/granskning", "Anonymous")]
    [InlineData("ShowActions", "get", "personal/atgarder", "Anonymous")]
    [InlineData("RecordCommitmentAction", "post", "personal/atgarder", "Anonymous")]
    [InlineData("ShowActionsInEnglish", "get", "en/personal/atgarder", "Anonymous")]
    [InlineData("RecordCommitmentActionInEnglish", "post", "en/personal/atgarder", "Anonymous")]
    [InlineData("WithdrawCommitmentAction", "post", "personal/atgarder/dra-tillbaka", "Anonymous")]
    [InlineData("ShowTipForm", "get", "{ignored:maxlength(0)?}", "Anonymous")]
    [InlineData("ShowTipFormInEnglish", "get", "en", "Anonymous")]
    [InlineData("ShowReceipt", "get", "kvitto/{reference}", "Anonymous")]
    [InlineData("ShowReceiptInEnglish", "get", "en/receipt/{reference}", "Anonymous")]
    [InlineData("ShowTipStatus", "get", "status/{reference?}", "Anonymous")]
    [InlineData("ShowTipStatusInEnglish", "get", "en/status/{reference?}", "Anonymous")]
    [InlineData("OpenConversation", "post", "status", "Anonymous")]
    [InlineData("OpenConversationInEnglish", "post", "en/status", "Anonymous")]
    [InlineData("AnswerInConversation", "post", "status/svar", "Anonymous")]
    [InlineData("AnswerInConversationInEnglish", "post", "en/status/answer", "Anonymous")]
    [InlineData("WriteToTipster", "post", "personal/tips/{reference}/meddelanden", "Anonymous")]
    [InlineData("ShowAccessibility", "get", "tillganglighet", "Anonymous")]
    [InlineData("ShowAccessibilityInEnglish", "get", "en/accessibility", "Anonymous")]
    [InlineData("ShowPrivacy", "get", "personuppgifter", "Anonymous")]
    [InlineData("ShowPrivacyInEnglish", "get", "en/personal-data", "Anonymous")]
    [InlineData("ServeAsset", "get", "assets/{name}", "Anonymous")]
    [InlineData("ShowFollowUp", "get", "uppfoljning", "Anonymous")]
    [InlineData("ShowFollowUpInEnglish", "get", "en/follow-up", "Anonymous")]
    [InlineData("GetFollowUp", "get", "api/followup", "Anonymous")]
    [InlineData("GetFollowUpFeed", "get", "uppfoljning.atom", "Anonymous")]
    public void Http_functions_have_their_route_method_and_auth_level(string function, string method, string route, string authLevel)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void The_classifier_listens_on_the_tips_queue_over_the_storage_connection()
    {
        var trigger = Trigger("ClassifyTip");
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("tips", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void The_digest_timer_takes_its_UTC_schedule_from_an_app_setting_and_never_runs_on_startup()
    {
        var trigger = Trigger("SendWeeklyDigest");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%DIGEST_SCHEDULE%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.GetProperty("runOnStartup").GetBoolean());
    }

    [Fact]
    public void Retention_runs_on_the_RETENTION_SCHEDULE_setting_and_never_on_startup()
    {
        var trigger = Trigger("ApplyRetention");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%RETENTION_SCHEDULE%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.GetProperty("runOnStartup").GetBoolean());
    }

    [Fact]
    public void The_audit_log_purge_runs_nightly_in_UTC_and_never_on_startup()
    {
        var trigger = Trigger("PurgeAuditLog");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 15 3 * * *", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.GetProperty("runOnStartup").GetBoolean());
    }

    [Fact]
    public void Host_json_is_published_with_five_dequeues_before_poison()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Host_json_keeps_request_paths_and_their_reference_codes_out_of_Application_Insights()
    {
        // Codes sit in paths (/kvitto/{code}, /status/{code}, /api/tips/{code}, /personal/tips/{code}/meddelanden). The host's
        // request telemetry (category Host.Results) records each request's URL with the client's city and keeps it 90
        // days; with the extended HTTP info off it would still record one row per request. Neither is written: the
        // 5xx alert reads the platform's Http5xx metric instead (infra/modules/alerts.bicep).
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));
        var logging = host.RootElement.GetProperty("logging");
        Assert.Equal("None", logging.GetProperty("logLevel").GetProperty("Host.Results").GetString());
        Assert.False(logging.GetProperty("applicationInsights").GetProperty("httpAutoCollectionOptions").GetProperty("enableHttpTriggerExtendedInfoCollection").GetBoolean());
        Assert.DoesNotContain(logging.GetProperty("logLevel").EnumerateObject(), l => l.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Value.GetString() is not ("Warning" or "Error" or "None"));
    }

    [Fact]
    public void The_queue_extension_is_bundled_for_the_host()
    {
        // Timers are built into the Functions host; the queue trigger needs its extension listed here.
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "extensions.json")));
        Assert.Contains("AzureStorageQueues", extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }
}
