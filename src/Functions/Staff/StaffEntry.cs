using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Functions.Staff;

/// <summary>
/// The one way into a staff function: the guard's verdict as HTTP (a browser page without sign-in is sent to sign in,
/// anything else gets 401; a missing role gets 403 and a page naming it) and, for a post, the check that it is a form
/// from this site (403 otherwise), before the function's own work runs with the signed-in principal. The function's
/// work is handed in, so no staff function can forget the check or use a principal it did not get.
/// </summary>
/// <remarks>
/// The Swedish and English pages stay two functions each: a Functions route has one template, and an optional
/// segment is only optional at the end of it (<c>{lang?}/personal/…</c> would not match <c>/personal/…</c>).
/// </remarks>
public sealed class StaffEntry(StaffGuard guard, StaffPages pages)
{
    public async Task<IActionResult> EnterAsync(StaffArea area, HttpRequest request, Func<StaffPrincipal, Task<IActionResult>> signedIn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signedIn);
        var access = guard.Check(area, request.Headers[ClientPrincipal.HeaderName]);
        if (!access.Allowed)
        {
            return await RefuseAsync(access, request).ConfigureAwait(false);
        }

        if (HttpMethods.IsPost(request.Method) && (IsCrossSite(request) || !request.HasFormContentType))
        {
            return StaffResults.NoStore(IntakeResults.Problem(StatusCodes.Status403Forbidden, "Begäran kom från en annan webbplats. / The request came from another site."));
        }

        return await signedIn(access.Principal!).ConfigureAwait(false);
    }

    private async Task<IActionResult> RefuseAsync(StaffAccess access, HttpRequest request)
    {
        if (access.Result == StaffAccess.Verdict.Forbidden)
        {
            return PageResults.Html(await pages.ForbiddenAsync(StaffResults.Address(request), access).ConfigureAwait(false));
        }

        if (HttpMethods.IsGet(request.Method) && BrowserResults.WantsHtml(request))
        {
            return StaffResults.Redirect(StatusCodes.Status302Found, guard.SignInUrl(request.Path + request.QueryString));
        }

        return StaffResults.NoStore(IntakeResults.Problem(StatusCodes.Status401Unauthorized, "Logga in för att se personalsidorna. / Sign in to see the staff pages."));
    }

    /// <summary>A post another site made the browser send: refused before anything changes.</summary>
    private static bool IsCrossSite(HttpRequest request) =>
        !request.Source().IsSameOrigin;
}
