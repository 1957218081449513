using System.Text.Encodings.Web;
using System.Text.Unicode;
using Grastorp.Intake.Core;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Web.Digest;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web;

/// <summary>What the hosts register from Web, after <c>AddIntakeCore</c>.</summary>
public static class WebRegistration
{
    /// <summary>The renderer and the digest's HTML body: every host, the CLI too (it previews and sends the digest).</summary>
    public static IServiceCollection AddIntakeWeb(this IServiceCollection services)
    {
        // The default encoder writes å, ä and ö as entities (dotnet/aspnetcore#47477); all ranges keep Swedish
        // readable while <, >, & and quotes are still encoded.
        services.TryAddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.TryAddSingleton(sp => new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<ComponentRenderer>();
        services.TryAddSingleton<IDigestBodyRenderer, DigestBodyRenderer>();
        return services;
    }

    /// <summary>
    /// The resident and staff pages, for the hosts that serve them: they name who stands behind the site and how to
    /// reach them, so those settings are checked at start here, and not where only the digest is made (the CLI).
    /// </summary>
    public static IServiceCollection AddIntakePages(this IServiceCollection services)
    {
        services.AddIntakeWeb();
        services.AddOptions<SiteOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ResidentPages>();
        services.TryAddSingleton<Staff.StaffPages>();
        services.TryAddSingleton<Staff.FollowUp.FollowUpStaffPages>();
        services.TryAddSingleton<FollowUp.FollowUpPages>();
        return services;
    }
}
