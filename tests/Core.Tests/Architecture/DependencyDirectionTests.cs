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
        // The tips table's module: the public records at its root, the row layout and the partition transaction
        // (Rows, Partitions) internal, and one owner per use case, none of which uses another.
        ["Tips.Store.Rows"] = [""],
        ["Tips.Store.Rollup"] = ["", "Calendar", "Storage", "Tips"],
        ["Tips.Store.Conversation"] = ["", "Storage", "Tips", "Tips.Store.Rows"],
        ["Tips.Store"] = ["", "Tips", "Tips.Store.Rollup"],
        ["Tips.Store.Partitions"] = ["", "Tips", "Tips.Store.Rollup", "Tips.Store.Rows"],
        ["Tips.Store.Recording"] = ["", "Calendar", "Storage", "Themes", "Tips", "Tips.Store", "Tips.Store.Partitions", "Tips.Store.Rollup", "Tips.Store.Rows"],
        ["Tips.Store.Listing"] = ["", "Storage", "Tips", "Tips.Store.Rows"],
        ["Tips.Store.Progressing"] = ["", "Storage", "Tips", "Tips.Store", "Tips.Store.Partitions", "Tips.Store.Rows"],
        ["Tips.Store.Correcting"] = ["", "Storage", "Tips", "Tips.Store.Partitions", "Tips.Store.Rollup", "Tips.Store.Rows"],
        ["Tips.Store.Removal"] = ["", "Storage", "Tips", "Tips.Store.Conversation", "Tips.Store.Rows"],
        ["Tips.Store.Rebuilding"] = ["", "Calendar", "Storage", "Tips", "Tips.Store.Partitions", "Tips.Store.Rollup", "Tips.Store.Rows"],
        ["Tips.Store.Exporting"] = ["", "Storage", "Tips", "Tips.Store.Rows"],
        ["Tips.Store.Reading"] = ["", "Storage", "Tips", "Tips.Store", "Tips.Store.Rows"],
        ["Poisoning"] = ["", "Calendar", "Storage"],
        ["Promises"] = ["", "Themes"],
        ["Promises.Actions"] = ["", "Promises", "Storage", "Tips.Intake"],
        ["FollowUp"] = ["", "Calendar", "Tips.Store", "Tips.Store.Reading", "Municipalities", "Privacy", "Promises", "Promises.Actions", "Storage", "Tips"],
        ["Tips.Processing"] = ["", "Calendar", "Tips.Store", "Tips.Store.Recording", "Municipalities", "Poisoning", "Privacy", "Promises", "Storage", "Themes", "Tips", "Tips.Intake", "Tips.Queue"],
        ["Tips.Status"] = ["", "Abuse.RateLimiting", "Calendar", "Tips.Store", "Tips.Store.Progressing", "Tips", "Tips.Queue", "Tips.Receipts"],
        ["Tips.Conversation"] = ["", "Abuse.RateLimiting", "Tips", "Tips.Check", "Tips.Intake", "Tips.Receipts", "Tips.Status", "Tips.Store", "Tips.Store.Conversation", "Tips.Store.Listing"],
        ["Stats"] = ["", "Calendar", "Tips.Store", "Tips.Store.Rollup", "Municipalities", "Themes", "Tips"],
        ["Stats.EarlyWarning"] = ["", "Calendar", "Municipalities", "Stats", "Themes"],
        ["Email"] = [],
        ["Digest.Settings"] = ["", "Email", "Municipalities"],
        ["Digest.Ledger"] = ["", "Calendar", "Storage", "Digest.Settings"],
        ["Digest.Composition"] = ["", "Calendar", "Tips.Store", "Tips.Store.Reading", "Municipalities", "Places", "Poisoning", "Promises", "Stats.EarlyWarning", "Themes", "Tips", "Digest.Ledger", "Digest.Settings"],
        ["Digest.Presentation"] = ["", "Calendar", "Tips", "Tips.Store", "Municipalities", "Places", "Privacy", "Stats.EarlyWarning", "Themes", "Digest.Composition", "Digest.Settings"],
        ["Digest.Message"] = ["", "Calendar", "Digest.Composition", "Digest.Presentation", "Digest.Settings"],
        ["Digest.Delivery"] = ["", "Calendar", "Email", "Digest.Message", "Digest.Settings"],
        ["Digest.Scheduling"] = ["", "Calendar", "Digest.Composition", "Digest.Delivery", "Digest.Ledger", "Digest.Message", "Digest.Settings"],
        ["Api"] = ["", "Calendar", "FollowUp", "Tips", "Tips.Status"],
        ["Staff.Access"] = ["", "Texts"],
        ["Staff.Audit"] = ["", "Calendar", "Retention", "Staff.Access", "Storage", "Tips"],
        ["Staff.Dashboard"] = ["", "Calendar", "Municipalities", "Staff.Access", "Stats", "Stats.EarlyWarning", "Texts", "Themes"],
        ["Staff.TipDetail"] = ["", "Abuse", "Calendar", "Staff.Conversation", "Tips.Store", "Tips.Store.Conversation", "Tips.Store.Listing", "Promises", "Staff.Access", "Staff.Audit", "Staff.FollowUp", "Texts", "Themes", "Tips", "Tips.Receipts"],
        ["Staff.TipList"] = ["", "Calendar", "Tips.Store", "Tips.Store.Correcting", "Tips.Store.Listing", "Municipalities", "Promises", "Staff.Access", "Staff.Audit", "Staff.FollowUp", "Stats", "Texts", "Themes", "Tips"],
        ["Staff.FollowUp"] = ["", "Calendar", "Tips.Store", "Tips.Store.Progressing", "Privacy", "Promises", "Promises.Actions", "Staff.Access", "Staff.Audit", "Tips", "Tips.Receipts"],
        ["Staff.Conversation"] = ["", "Digest.Delivery", "Digest.Message", "Digest.Settings", "Staff.Access", "Staff.Audit", "Tips", "Tips.Receipts", "Tips.Store.Conversation", "Tips.Store.Listing"],
        ["Retention"] = ["", "Tips.Store", "Tips.Store.Listing", "Tips.Store.Removal", "Digest.Delivery", "Poisoning", "Tips", "Tips.Queue", "Tips.Receipts"],
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
        // As the message, so a failure names every violation in full rather than a truncated collection.
        var violations = Violations(CoreDependencies.NamespaceGraph());
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
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

    /// <summary>Each table's accessor on IntakeTables → the one folder (with its sub-folders) that owns the table. Keep in step with docs/ARCHITECTURE.md.</summary>
    private static readonly Dictionary<string, string> TableOwners = new(StringComparer.Ordinal)
    {
        ["TipsAsync"] = "Tips.Store",
        ["RollupAsync"] = "Tips.Store.Rollup",
        ["ReceiptsAsync"] = "Tips.Receipts",
        ["DigestsAsync"] = "Digest.Ledger",
        ["AuditAsync"] = "Staff.Audit",
        ["ActionsAsync"] = "Promises.Actions",
        ["PoisonedAsync"] = "Poisoning",
        ["FollowUpAsync"] = "FollowUp",
    };

    private static bool IsIn(string ns, string folder) =>
        ns == $"{Core}.{folder}" || ns.StartsWith($"{Core}.{folder}.", StringComparison.Ordinal);

    [Fact]
    public void Each_table_is_opened_only_inside_its_one_owner_folder()
    {
        var tableAccessors = typeof(Grastorp.Intake.Core.Storage.IntakeTables).GetMethods()
            .Where(m => m.ReturnType == typeof(Task<Azure.Data.Tables.TableClient>))
            .Select(m => m.Name);
        Assert.Equal(TableOwners.Keys.Order(StringComparer.Ordinal), tableAccessors.Order(StringComparer.Ordinal));

        var strays = CoreDependencies.CallsTo(typeof(Grastorp.Intake.Core.Storage.IntakeTables).FullName!)
            .SelectMany(t => t.Calls.Where(TableOwners.ContainsKey).Select(call => (t.Type, Table: call)))
            .Where(c => !IsIn(c.Type.Namespace, TableOwners[c.Table]))
            .Select(c => $"{c.Type.FullName} opens {c.Table} outside {TableOwners[c.Table]}");

        Assert.Empty(strays);
    }

    [Fact]
    public void Only_a_table_owner_folder_touches_a_table_client()
    {
        // IntakeTables hands the clients out; only the owner folders take them.
        var users = CoreDependencies.Types()
            .Where(t => t.References.Contains("Azure.Data.Tables.TableClient"))
            .Where(t => t.Type.Name != nameof(Grastorp.Intake.Core.Storage.IntakeTables) && !TableOwners.Values.Any(folder => IsIn(t.Type.Namespace, folder)))
            .Select(t => t.Type.FullName);

        Assert.Empty(users);
    }
}
