using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Presentation;
using Grastorp.Intake.Core.Digest.Scheduling;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Email;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Retention;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Telemetry;

namespace Grastorp.Intake.Core.DependencyInjection;

/// <summary>The weekly digest: options, ledger, composition, the message, one sender per transport and the delivery pipeline.</summary>
public static class DigestRegistration
{
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName)
            // On Azure the platform names the app's own host; a custom domain is set as Site__BaseUrl.
            .PostConfigure(o => o.BaseUrl ??= configuration[SiteOptions.AzureHostNameSetting] is { Length: > 0 } host ? new Uri($"https://{host}/") : null)
            // The pages promise the period the retention timer keeps: one setting, Retention:Days, for both.
            .Configure<IOptions<RetentionOptions>>((site, retention) => site.RetentionDays = retention.Value.Days)
            .Validate(
                o => o.BaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" },
                "Site:BaseUrl must be the absolute http(s) address of the app's pages, such as https://tips.grastorp.se (on Azure it defaults to https://WEBSITE_HOSTNAME).")
            .ValidateOnStart();

        services.AddSingleton<PoisonLedger>();
        services.AddSingleton<DigestSchedule>();
        services.AddSingleton<DigestLedger>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestViewBuilder>();
        services.AddSingleton<DigestMessageFactory>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestOperator>();

        services.AddResiliencePipeline(DigestDeliveryPipeline.Key, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            DigestDeliveryPipeline.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<DigestOptions>>().Value.Delivery,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DigestDeliveryPipeline)));
        });
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = DigestDeliveryPipeline.Severity);
        services.TryAddSingleton<PickupDirectoryDigestSender>();
        services.TryAddSingleton<SmtpDigestSender>();
        services.TryAddSingleton<AcsDigestSender>();
        // Built only when the acs transport is chosen, so other hosts need no ACS endpoint or credential.
        services.AddOptions<AcsEmailSettings>().BindConfiguration(AcsEmailSettings.SectionName);
        services.TryAddSingleton(provider =>
        {
            var acs = provider.GetRequiredService<IOptions<AcsEmailSettings>>().Value;
            var credential = provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(configuration.GetSection(AcsEmailSettings.SectionName));
            return new AcsEmailClient(
                acs.Endpoint ?? throw new InvalidOperationException("Acs:Endpoint is not set."), credential, new AcsEmailClientOptions());
        });
        services.TryAddSingleton<IDigestSender>(provider => provider.GetRequiredService<IOptions<DigestOptions>>().Value.Transport switch
        {
            DigestTransport.Smtp => provider.GetRequiredService<SmtpDigestSender>(),
            DigestTransport.Acs => provider.GetRequiredService<AcsDigestSender>(),
            _ => provider.GetRequiredService<PickupDirectoryDigestSender>(),
        });
        return services;
    }
}
