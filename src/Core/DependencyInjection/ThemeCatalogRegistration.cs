using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.DependencyInjection;

public static class ThemeCatalogRegistration
{
    /// <summary>
    /// Registers the <see cref="ThemeCatalog"/> from the <c>Themes</c> section, checked at start-up. Safe to call more
    /// than once: Core and the classifier both need it, and either may be registered alone.
    /// </summary>
    public static IServiceCollection AddThemeCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(ThemeCatalog)))
        {
            return services;
        }

        services.AddOptions<ThemeCatalogOptions>().Bind(configuration.GetSection(ThemeCatalogOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThemeCatalogOptions>, ThemeCatalogOptionsValidator>());
        services.AddSingleton<ThemeCatalog>();
        return services;
    }
}
