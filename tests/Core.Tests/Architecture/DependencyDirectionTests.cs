namespace Grastorp.Intake.Core.Tests.Architecture;

/// <summary>
/// Core's folders depend one way, as docs/ARCHITECTURE.md draws them. A new folder, or a new use of one folder by
/// another, fails here until the map below (and the document) say it is intended.
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string Core = CoreDependencies.Root;

    /// <summary>What each Core namespace may use, besides itself. Keep in step with docs/ARCHITECTURE.md.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        [""] = [],
        ["Calendar"] = [],
        ["Places"] = [],
        ["Texts"] = [],
        ["Storage"] = [],
        ["Privacy"] = [],
        ["Abuse"] = [],
        ["Abuse.RateLimiting"] = [],
        ["Themes"] = [""],
        ["Municipalities"] = [""],
        ["Emergency"] = [],
        ["Tips"] = ["", "Calendar", "Municipalities"],
        ["Tips.Queue"] = ["", "Calendar", "Storage", "Tips"],
        ["Tips.Receipts"] = ["", "Calendar", "Storage", "Tips"],
        ["Tips.Check"] = ["Emergency", "Privacy"],
        ["Tips.Intake"] = ["", "Abuse", "Abuse.RateLimiting", "Calendar", "Municipalities", "Privacy", "Storage", "Texts", "Tips", "Tips.Check", "Tips.Queue", "Tips.Receipts"],
        ["Tips.Store.Rows"] = [""],
        ["Tips.Store.Listing"] = [""],
        ["Tips.Store.Correcting"] = [""],
        ["Tips.Store.Rollup"] = ["", "Calendar", "Storage", "Tips"],
        ["Tips.Store.Conversation"] = ["", "Storage", "Tips", "Tips.Store.Rows"],
        ["Tips.Store"] = ["", "Tips.Store.Conversation", "", "Calendar", "Tips.Store.Correcting", "Tips.Store.Listing", "Tips.Store.Rollup", "Tips.Store.Rows", "Storage", "Themes", "Tips"],
        ["Poisoning"] = ["", "Calendar", "Storage"],
        ["Promises"] = ["", "Themes"],
        ["Promises.Actions"] = ["", "Promises", "Storage", "Tips.Intake"],
        ["FollowUp"] = ["", "Calendar", "Tips.Store", "Municipalities", "Privacy", "Promises", "Promises.Actions", "Storage", "Tips"],
        ["Tips.Processing"] = ["", "Calendar", "Tips.Store", "Municipalities", "Poisoning", "Privacy", "Promises", "Storage", "Themes", "Tips", "Tips.Intake", "Tips.Queue"],
        ["Tips.Status"] = ["", "Abuse.RateLimiting", "Calendar", "Tips.Store", "Tips", "Tips.Queue", "Tips.Receipts"],
        ["Tips.Conversation"] = ["", "Abuse.RateLimiting", "Tips", "Tips.Check", "Tips.Intake", "Tips.Receipts", "Tips.Status", "Tips.Store", "Tips.Store.Conversation", "Tips.Store.Listing"],
        ["Stats"] = ["", "Calendar", "Tips.Store", "Tips.Store.Rollup", "Municipalities", "Themes", "Tips"],
        ["Stats.EarlyWarning"] = ["", "Calendar", "Municipalities", "Stats", "Themes"],
        ["Email"] = [],
        ["Digest.Settings"] = ["", "Email", "Municipalities"],
        ["Digest.Ledger"] = ["", "Calendar", "Storage", "Digest.Settings"],
        ["Digest.Composition"] = ["", "Calendar", "Tips.Store", "Municipalities", "Places", "Poisoning", "Promises", "Stats.EarlyWarning", "Themes", "Tips", "Digest.Ledger", "Digest.Settings"],
        ["Digest.Presentation"] = ["", "Calendar", "Tips", "Tips.Store", "Municipalities", "Places", "Privacy", "Stats.EarlyWarning", "Themes", "Digest.Composition", "Digest.Settings"],
        ["Digest.Message"] = ["", "Calendar", "Digest.Composition", "Digest.Presentation", "Digest.Settings"],
        ["Digest.Delivery"] = ["", "Calendar", "Email", "Digest.Message", "Digest.Settings"],
        ["Digest.Scheduling"] = ["", "Calendar", "Digest.Composition", "Digest.Delivery", "Digest.Ledger", "Digest.Message", "Digest.Settings"],
        ["Api"] = ["", "Calendar", "FollowUp", "Tips", "Tips.Status"],
        ["Staff.Access"] = ["", "Texts"],
        ["Staff.Audit"] = ["", "Calendar", "Retention", "Staff.Access", "Storage", "Tips"],
        ["Staff.Dashboard"] = ["", "Calendar", "Municipalities", "Staff.Access", "Stats", "Stats.EarlyWarning", "Texts", "Themes"],
        ["Staff.TipDetail"] = ["", "Calendar", "Staff.Conversation", "Tips.Store", "Tips.Store.Conversation", "Tips.Store.Listing", "Promises", "Staff.Access", "Staff.Audit", "Staff.FollowUp", "Texts", "Themes", "Tips", "Tips.Receipts"],
        ["Staff.TipList"] = ["", "Calendar", "Tips.Store", "Tips.Store.Correcting", "Tips.Store.Listing", "Municipalities", "Promises", "Staff.Access", "Staff.Audit", "Staff.FollowUp", "Stats", "Texts", "Themes", "Tips"],
        ["Staff.FollowUp"] = ["", "Calendar", "Tips.Store", "Privacy", "Promises", "Promises.Actions", "Staff.Access", "Staff.Audit", "Tips", "Tips.Receipts"],
        ["Staff.Conversation"] = ["", "Staff.Access", "Staff.Audit", "Tips", "Tips.Receipts", "Tips.Store.Conversation"],
        ["Retention"] = ["", "Tips.Store", "Digest.Delivery", "Poisoning", "Tips", "Tips.Queue", "Tips.Receipts"],
        ["DependencyInjection"] = ["*"],
    };

    private static string Short(string ns) => ns == Core ? string.Empty : ns[(Core.Length + 1)..];

    private static List<string> Violations(Dictionary<string, SortedSet<string>> graph)
    {
        var violations = new List<string>();
        foreach (var (ns, uses) in graph)
        {
            if (!MayUse.TryGetValue(Short(ns), out var allowed))
            {
                violations.Add($"{ns} has no rule: add it to docs/ARCHITECTURE.md and to this test's map");
                continue;
            }

            violations.AddRange(uses.Select(Short).Where(u => !allowed.Contains("*") && !allowed.Contains(u)).Select(u => $"{ns} uses {Core}.{u}"));
        }

        return violations;
    }

    [Fact]
    public void Every_Core_namespace_uses_only_what_the_architecture_allows()
    {
        Assert.Empty(Violations(CoreDependencies.NamespaceGraph()));
    }

    [Fact]
    public void A_use_against_the_direction_and_an_unmapped_folder_are_both_reported()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal)
        {
            [Core + ".Tips"] = new(StringComparer.Ordinal) { Core + ".Tips.Store" },
            [Core + ".Somewhere"] = new(StringComparer.Ordinal),
        };

        Assert.Equal([$"{Core}.Tips uses {Core}.Tips.Store", $"{Core}.Somewhere has no rule: add it to docs/ARCHITECTURE.md and to this test's map"], Violations(graph));
    }

    [Fact]
    public void The_allowed_map_has_no_cycle_so_folders_depend_one_way()
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        bool Cyclic(string ns) =>
            !done.Contains(ns) && (!visiting.Add(ns) || MayUse[ns].Where(u => u != "*").Any(Cyclic) || !done.Add(ns));

        Assert.DoesNotContain(MayUse.Keys, Cyclic);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Azure.Functions")]
    [InlineData("Microsoft.Azure.WebJobs")]
    [InlineData("Lucene.Net")]
    public void Core_references_no_host_and_no_classifier_library(string prefix)
    {
        Assert.DoesNotContain(CoreDependencies.ReferencedAssemblies(), name => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_IL_walker_sees_a_type_used_only_inside_an_async_method_body()
    {
        // ReceivedTip appears in no signature of TipIntakeService: only in the state machine of SubmitAsync.
        var intake = CoreDependencies.Types().Single(t => t.Type.Name == "TipIntakeService");
        Assert.Contains(Core + ".Tips.ReceivedTip", intake.References);
    }

    [Fact]
    public void Only_a_table_owner_touches_a_table_client()
    {
        // Owners are named for what they keep (…Store, …Ledger, …Log); IntakeTables hands their clients out.
        var users = CoreDependencies.Types()
            .Where(t => t.References.Contains("Azure.Data.Tables.TableClient"))
            .Select(t => t.Type.Name)
            .Where(name => !name.EndsWith("Store", StringComparison.Ordinal) && !name.EndsWith("Ledger", StringComparison.Ordinal) && !name.EndsWith("Log", StringComparison.Ordinal) && name != "IntakeTables");

        Assert.Empty(users);
    }

}
