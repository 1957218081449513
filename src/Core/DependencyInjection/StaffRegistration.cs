using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipList;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.DependencyInjection;

/// <summary>The staff area's services: the access guard, the audit log, the dashboard and the tip list.</summary>
internal static class StaffRegistration
{
    public static IServiceCollection AddStaffArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffAuthOptions>()
            .BindConfiguration(StaffAuthOptions.SectionName)
            // The platform's own setting, read at the root: App Service sets it when Authentication is on.
            .Configure(options => options.PlatformAuthEnabled = string.Equals(configuration[StaffAuthOptions.PlatformAuthSetting], "true", StringComparison.OrdinalIgnoreCase))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<StaffGuard>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DashboardParser>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<TipListService>();
        services.AddSingleton<Grastorp.Intake.Core.Staff.TipDetail.TipPageService>();
        services.AddSingleton<TipCorrectionService>();
        services.AddSingleton<TipProgressService>();
        services.AddSingleton<Staff.Conversation.StaffConversationService>();
        services.AddSingleton<Staff.Conversation.TipsterNotifier>();
        services.AddSingleton<ActionRecordingService>();
        return services;
    }
}
