using System.Text.Encodings.Web;
using System.Text.Unicode;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Web.Digest;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Rendering;
using Grastorp.Intake.Web.Site;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web;

/// <summary>Registers the renderer and the resident pages every host uses, after <c>AddIntakeCore</c>.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddIntakeWeb(this IServiceCollection services)
    {
        // The default encoder writes å, ä and ö as entities (dotnet/aspnetcore#47477); all ranges keep Swedish
        // readable while <, >, & and quotes are still encoded.
        services.TryAddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.TryAddSingleton(sp => new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<ComponentRenderer>();

        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName)
            // The pages promise the period the retention timer keeps: one setting, Retention:Days, for both.
            .Configure<IOptions<RetentionOptions>>((site, retention) => site.RetentionDays = retention.Value.Days)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ResidentPages>();
        services.TryAddSingleton<Staff.StaffPages>();
        services.TryAddSingleton<Staff.FollowUp.FollowUpStaffPages>();
        services.TryAddSingleton<FollowUp.FollowUpPages>();
        services.TryAddSingleton<IDigestBodyRenderer, DigestBodyRenderer>();
        return services;
    }
}
