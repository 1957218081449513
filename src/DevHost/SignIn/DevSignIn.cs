using System.Net;
using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Web.Rendering;

namespace Grastorp.Intake.DevHost.SignIn;

/// <summary>
/// The DevHost plays App Service Authentication's part: it always strips an incoming <c>X-MS-CLIENT-PRINCIPAL</c>
/// (nobody may forge one), and only in Development, listening on loopback only, it offers a sign-in page (pick a
/// name and a role) whose cookie it turns into that header, and says <c>WEBSITE_AUTH_ENABLED=True</c> so the staff
/// functions trust it. The Functions app has none of this: in Azure the platform does it.
/// A loopback remote address alone is not enough: a tunnel or a reverse proxy on the same machine connects from
/// loopback too. It also takes a loopback name in <c>Host</c> (a rebound DNS name or a tunnel's public name is
/// not; <c>AllowedHosts</c> in appsettings.json refuses those before any page) and no header naming another host.
/// </summary>
internal static class DevSignIn
{
    public const string SignInPath = "/dev/logga-in";
    public const string SignOutPath = "/dev/logga-ut";
    public const string CookieName = "dev-staff-principal";

    private const string EnabledKey = "DevHost:DevSignIn";

    /// <summary>
    /// What a proxy or tunnel that rewrites <c>Host</c> to a loopback name leaves behind: the name it was asked for.
    /// (X-Forwarded-For alone says nothing about the host, and the log-privacy test sends it on every request.)
    /// </summary>
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-Host", "X-Original-Host"];

    public static WebApplicationBuilder AddDevSignIn(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() && ListensOnLoopbackOnly(builder.Configuration))
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [EnabledKey] = "true",
                [StaffAuthOptions.PlatformAuthSetting] = "True",
                [$"{StaffAuthOptions.SectionName}:{nameof(StaffAuthOptions.SignInPath)}"] = SignInPath,
                [$"{StaffAuthOptions.SectionName}:{nameof(StaffAuthOptions.SignOutPath)}"] = SignOutPath,
            });
        }

        return builder;
    }

    public static WebApplication UseDevSignIn(this WebApplication app)
    {
        var enabled = string.Equals(app.Configuration[EnabledKey], "true", StringComparison.Ordinal);
        app.Use((context, next) =>
        {
            context.Request.Headers.Remove(ClientPrincipal.HeaderName);
            if (enabled && IsLocal(context) && context.Request.Cookies.TryGetValue(CookieName, out var principal))
            {
                context.Request.Headers[ClientPrincipal.HeaderName] = principal;
            }

            return next(context);
        });

        if (enabled)
        {
            app.MapGet(SignInPath, ShowAsync);
            app.MapPost(SignInPath, SignInAsync);
            app.MapGet(SignOutPath, SignOut);
        }

        return app;
    }

    private static async Task ShowAsync(HttpContext context)
    {
        if (!IsLocal(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await PageAsync(context, 200, null, LocalPath(context.Request.Query["post_login_redirect_uri"]), null).ConfigureAwait(false);
    }

    private static async Task SignInAsync(HttpContext context)
    {
        if (!IsLocal(context) || !context.Request.HasFormContentType
            || !new RequestSource(context.Request.Headers.Origin, context.Request.Headers["Sec-Fetch-Site"], context.Request.Host.Value).IsSameOrigin)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var returnPath = LocalPath(form["post_login_redirect_uri"]);
        // Role names only, as Entra sends them; Kommun is signed in for the municipalities ticked (at least one).
        var catalog = context.RequestServices.GetRequiredService<MunicipalityCatalog>();
        var municipalities = form["kommun"].Where(m => catalog.All.Any(c => c.Id == m)).Select(m => m!).Distinct().ToList();
        if (name.Length is 0 or > 100 || !StaffRoleClaims.TryParse(form["role"], out var role, out var scoped) || scoped is not null
            || (role == StaffRole.Kommun && municipalities.Count == 0))
        {
            await PageAsync(context, 400, name, returnPath, "DevSignInError").ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(CookieName, ClientPrincipal.Write(name, role, role == StaffRole.Kommun ? municipalities : []), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = returnPath;
    }

    private static void SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = SignInPath;
    }

    /// <summary>The page in the language of the staff page the person is on the way to (English for /en/…).</summary>
    private static async Task PageAsync(HttpContext context, int status, string? name, string returnPath, string? errorKey)
    {
        var renderer = context.RequestServices.GetRequiredService<ComponentRenderer>();
        var query = returnPath.IndexOf('?', StringComparison.Ordinal);
        var otherReturnPath = query < 0 ? StaffPaths.Alternate(returnPath, null) : StaffPaths.Alternate(returnPath[..query], returnPath[query..]);
        var html = await renderer.RenderAsync<DevSignInPage>(new Dictionary<string, object?>
        {
            [nameof(DevSignInPage.Language)] = StaffPaths.LanguageOf(returnPath),
            [nameof(DevSignInPage.Name)] = name,
            [nameof(DevSignInPage.ReturnPath)] = returnPath,
            [nameof(DevSignInPage.ErrorKey)] = errorKey,
            [nameof(DevSignInPage.Alternate)] = $"{SignInPath}?post_login_redirect_uri={Uri.EscapeDataString(otherReturnPath)}",
            [nameof(DevSignInPage.Municipalities)] = context.RequestServices.GetRequiredService<MunicipalityCatalog>().All,
        }).ConfigureAwait(false);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = Grastorp.Intake.Functions.Http.PageResults.ContentSecurityPolicy;
        await context.Response.WriteAsync("<!DOCTYPE html>\n" + html, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Only a path on this site, so the sign-in page can never send anyone elsewhere: one leading <c>/</c> and no
    /// second one or <c>\</c> after it, and no control character or white space anywhere (the value is already
    /// decoded; a browser drops a tab or a line break in <c>Location</c>, so <c>/%09/evil.example</c> became
    /// <c>//evil.example</c>, another site).
    /// </summary>
    internal static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || path[1] is not ('/' or '\\'))
        && !path.Contains('\\', StringComparison.Ordinal) && !path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? path
            : StaffPaths.Dashboard;

    /// <summary>From this machine, to this machine under a loopback name, and not through a proxy.</summary>
    private static bool IsLocal(HttpContext context) =>
        (context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote))
        && IsLoopbackName(context.Request.Host.Host)
        && !ForwardingHeaders.Any(context.Request.Headers.ContainsKey);

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Every configured address is loopback (127.0.0.1, [::1] or localhost); none configured means Kestrel's localhost default.</summary>
    private static bool ListensOnLoopbackOnly(ConfigurationManager configuration)
    {
        var urls = configuration["urls"] ?? configuration["Urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return true;
        }

        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        {
            var host = url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
            return Uri.TryCreate(host, UriKind.Absolute, out var uri)
                && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
        });
    }
}
