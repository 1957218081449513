using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.Core.DependencyInjection;

internal static class ThemeRegistration
{
    public static IServiceCollection AddThemeClassifier(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.TryAddSingleton<ITipClassifier, KeywordTipClassifier>();
        return services;
    }
}
