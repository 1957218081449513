using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Classification;

public static class ClassificationRegistration
{
    /// <summary>
    /// Registers the theme classifier as the <see cref="ITipClassifier"/> singleton, with <see cref="ClassifierOptions"/>
    /// bound from the <c>Classifier</c> section and checked at start-up, lexicon files included.
    /// </summary>
    public static IServiceCollection AddThemeClassifier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddThemeCatalog(configuration);
        services.AddOptions<ClassifierOptions>()
            .Bind(configuration.GetSection(ClassifierOptions.SectionName))
            .PostConfigure(o => o.Languages = [.. o.EffectiveLanguages()])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ClassifierCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassifierOptions>, ClassifierOptionsValidator>());
        // The monitor's instance is the one ValidateOnStart validated, so the classifier built then is reused.
        services.TryAddSingleton(sp =>
            sp.GetRequiredService<ClassifierCache>().For(sp.GetRequiredService<IOptionsMonitor<ClassifierOptions>>().CurrentValue));
        return services;
    }
}
