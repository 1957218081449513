using System.Net;
using System.Reflection;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// Every staff route against every role, from one list (a new route is one line, and a route missing from the list
/// fails the completeness test), and the routes that show or change one municipality's data across municipalities.
/// The allowed roles are written out as docs/ROLES.md says them, not read from Core's table.
/// </summary>
public sealed class StaffRoutesByRoleTests : IAsyncDisposable
{
    private const string Reference = "ZZZZ234567"; // well-formed, never issued: an allowed role gets past the guard to a 404

    /// <summary>Method, the function's route template, a request path for it, and the roles that may use it.</summary>
    private static readonly (string Method, string Template, string Path, string Roles)[] Routes =
    [
        ("GET", "personal/statistik", "/personal/statistik?kommun=alla", "Kommun Kommunpolis"),
        ("GET", "en/personal/statistik", "/en/personal/statistik?kommun=alla", "Kommun Kommunpolis"),
        ("GET", "personal/statistik/csv", "/personal/statistik/csv?kommun=alla", "Kommun Kommunpolis"),
        ("GET", "en/personal/statistik/csv", "/en/personal/statistik/csv?kommun=alla", "Kommun Kommunpolis"),
        ("GET", "personal/tips", "/personal/tips?kommun=grastorp", "Kommunpolis Granskare"),
        ("GET", "en/personal/tips", "/en/personal/tips?kommun=grastorp", "Kommunpolis Granskare"),
        ("GET", "personal/tips/{reference}", $"/personal/tips/{Reference}", "Kommunpolis Granskare"),
        ("GET", "en/personal/tips/{reference}", $"/en/personal/tips/{Reference}", "Kommunpolis Granskare"),
        ("POST", "personal/tips/rattelse", "/personal/tips/rattelse", "Kommunpolis"),
        ("POST", "personal/tips/{reference}/status", $"/personal/tips/{Reference}/status", "Kommunpolis"),
        ("POST", "personal/tips/{reference}/meddelanden", $"/personal/tips/{Reference}/meddelanden", "Kommunpolis"),
        ("GET", "personal/granskning", "/personal/granskning", "Granskare"),
        ("GET", "en/personal/granskning", "/en/personal/granskning", "Granskare"),
        ("GET", "personal/atgarder", "/personal/atgarder", "Kommun Kommunpolis"),
        ("GET", "en/personal/atgarder", "/en/personal/atgarder", "Kommun Kommunpolis"),
        ("POST", "personal/atgarder", "/personal/atgarder", "Kommun Kommunpolis"),
        ("POST", "en/personal/atgarder", "/en/personal/atgarder", "Kommun Kommunpolis"),
        ("POST", "personal/atgarder/dra-tillbaka", "/personal/atgarder/dra-tillbaka", "Kommun Kommunpolis"),
        ("POST", "en/personal/atgarder/dra-tillbaka", "/en/personal/atgarder/dra-tillbaka", "Kommun Kommunpolis"),
    ];

    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Cookie(StaffRole role, params string[] municipalities) =>
        $"dev-staff-principal={ClientPrincipal.Write("Test " + role, role, municipalities)}";

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path, string? cookie, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Accept", "text/html");
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(form ?? new() { ["till"] = "read" });
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public void Every_staff_route_the_functions_serve_is_in_the_list()
    {
        var served = typeof(Grastorp.Intake.Functions.ShowDashboard).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .SelectMany(p => p.GetCustomAttributesData())
            .Where(a => a.AttributeType.Name == "HttpTriggerAttribute")
            .Select(a => (
                Route: a.NamedArguments.FirstOrDefault(n => n.MemberName == "Route").TypedValue.Value as string ?? string.Empty,
                Methods: a.ConstructorArguments.SelectMany(c => c.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [c.Value]).OfType<string>()))
            .Where(r => r.Route.StartsWith("personal/", StringComparison.Ordinal) || r.Route.StartsWith("en/personal/", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Select(m => $"{m.ToUpperInvariant()} {r.Route}"))
            .ToHashSet();

        Assert.NotEmpty(served);
        Assert.Equal(served.Order(), Routes.Select(r => $"{r.Method} {r.Template}").Distinct().Order());
    }

    [Fact]
    public async Task Every_staff_route_answers_each_role_as_the_roles_words_say()
    {
        using var client = _host.CreateClient(new() { AllowAutoRedirect = false });
        var roles = new (string Name, string Cookie)[]
        {
            ("Kommun", Cookie(StaffRole.Kommun, "grastorp")),
            ("Kommunpolis", Cookie(StaffRole.Kommunpolis)),
            ("Granskare", Cookie(StaffRole.Granskare)),
        };
        var failures = new List<string>();
        foreach (var (method, _, path, allowed) in Routes)
        {
            var (anonymous, _) = await SendAsync(client, method, path, cookie: null);
            if (anonymous is not (HttpStatusCode.Unauthorized or HttpStatusCode.Found))
            {
                failures.Add($"{method} {path} signed out: {(int)anonymous}");
            }

            foreach (var (role, cookie) in roles)
            {
                var (status, body) = await SendAsync(client, method, path, cookie);
                var refused = status == HttpStatusCode.Forbidden && body.Contains("id=\"missing-role\"", StringComparison.Ordinal);
                var may = allowed.Split(' ').Contains(role);
                if (may == refused || status == HttpStatusCode.Unauthorized || (int)status >= 500)
                {
                    failures.Add($"{method} {path} as {role}: {(int)status}, expected {(may ? "past the guard" : "403 naming the role")}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Kommun_sees_and_acts_for_its_own_municipalities_only()
    {
        using var client = _host.CreateClient(new() { AllowAutoRedirect = false });
        var vara = Cookie(StaffRole.Kommun, "vara");
        var grastorp = Cookie(StaffRole.Kommun, "grastorp");

        // Figures: another municipality by name is refused; "alla" is one's own.
        var (other, otherPage) = await SendAsync(client, "GET", "/personal/statistik?kommun=grastorp", vara);
        Assert.Equal(HttpStatusCode.BadRequest, other);
        Assert.Contains("Din roll gäller bara Vara", otherPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(client, "GET", "/personal/statistik/csv?kommun=grastorp", vara)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "GET", "/personal/statistik?kommun=grastorp", grastorp)).Status);
        var (ownStatus, own) = await SendAsync(client, "GET", "/personal/statistik?kommun=vara", vara);
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.DoesNotContain("<option value=\"grastorp\"", own, StringComparison.Ordinal);
        var (_, csv) = await SendAsync(client, "GET", "/personal/statistik/csv?kommun=alla", vara);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("Vara", row.Split(';')[1]));
        var (_, all) = await SendAsync(client, "GET", "/personal/statistik/csv?kommun=alla", Cookie(StaffRole.Kommunpolis));
        Assert.Equal("Alla kommuner", all.Split("\r\n")[1].Split(';')[1]);

        // A bare Kommun role (no municipality) sees no figures.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(client, "GET", "/personal/statistik?kommun=alla", Cookie(StaffRole.Kommun))).Status);

        // Actions: only on one's own municipality's promises, and the form offers no other.
        var form = new Dictionary<string, string>
        {
            ["commitment"] = "grastorp_2021.trafik",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["summary"] = "Trafikkontroll QZRSCOPE på Storgatan, 12 förare",
        };
        var (_, actionsPage) = await SendAsync(client, "GET", "/personal/atgarder", vara);
        Assert.DoesNotContain("value=\"grastorp_2021.trafik\"", actionsPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(client, "POST", "/personal/atgarder", vara, form)).Status);
        Assert.DoesNotContain("QZRSCOPE", await client.GetStringAsync("/api/followup", Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await SendAsync(client, "POST", "/personal/atgarder", grastorp, form)).Status);
        Assert.Contains("QZRSCOPE", await client.GetStringAsync("/api/followup", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_keeps_the_object_id_beside_the_name_and_the_auditor_reads_tips_without_changing_them()
    {
        using var client = _host.CreateClient(new() { AllowAutoRedirect = false });
        var form = new Dictionary<string, string>
        {
            ["commitment"] = "grastorp_2021.trafik",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["summary"] = "Trafikkontroll vid skolan, 20 förare",
        };
        Assert.Equal(HttpStatusCode.SeeOther, (await SendAsync(client, "POST", "/personal/atgarder", Cookie(StaffRole.Kommun, "grastorp"), form)).Status);
        var objectId = ClientPrincipal.Read(ClientPrincipal.Write("Test Kommun", StaffRole.Kommun, "grastorp"))!.ObjectId;

        var (status, audit) = await SendAsync(client, "GET", "/personal/granskning", Cookie(StaffRole.Granskare));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Test Kommun", audit, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"reference-small\" data-object-id>{objectId}</span>", audit, StringComparison.Ordinal);

        var (listStatus, list) = await SendAsync(client, "GET", "/personal/tips?kommun=grastorp", Cookie(StaffRole.Granskare));
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.DoesNotContain("<form class=\"correction\"", list, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
