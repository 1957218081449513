using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.FollowUp;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Processing;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Grastorp.Intake.Core.Tips.Store.Removal;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Rebuilding;
using Grastorp.Intake.Core.Tips.Store.Reading;
using Grastorp.Intake.Core.Tips.Store.Progressing;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Tips.Store.Exporting;
using Grastorp.Intake.Core.Tips.Store.Correcting;

namespace Grastorp.Intake.Core.DependencyInjection;

/// <summary>The one registration every host (Functions, DevHost, Cli) calls, so they cannot drift apart.</summary>
public static class IntakeCoreRegistration
{
    public static IServiceCollection AddIntakeCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<MunicipalityOptions>().BindConfiguration(MunicipalityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MunicipalityOptions>, MunicipalityOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageConnectionValidator>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromiseOptions>().BindConfiguration(PromiseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromiseOptions>, PromiseOptionsValidator>();

        services.AddAzureClients(clients =>
        {
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, provider) =>
            {
                // The queue triggers of both hosts read Base64; a plain-text message would fail them.
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return StorageConnection.CreateQueueService(configuration, provider.GetRequiredService<AzureComponentFactory>(), StorageRetry.Apply(options));
            });
            clients.AddClient<TableServiceClient, TableClientOptions>((options, provider) =>
                StorageConnection.CreateTableService(configuration, provider.GetRequiredService<AzureComponentFactory>(), StorageRetry.Apply(options)));
        });

        services.AddSingleton<ReferencePseudonyms>();
        services.AddOptions<FormOriginOptions>().BindConfiguration(FormOriginOptions.SectionName);
        services.AddSingleton<CrossSiteFormPolicy>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientKeys>();
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<MunicipalityCatalog>();
        services.AddSingleton<IntakeTables>();
        services.AddSingleton<TipQueues>();
        services.AddSingleton<ReceiptStore>();
        services.AddSingleton<CountRollupStore>();
        // The tips table's owners, one per use case (Core/Tips/Store); the recorder keeps per-partition gates, so one per process.
        services.AddSingleton<TipRecorder>();
        services.AddSingleton<TipLister>();
        services.AddSingleton<TipProgressStore>();
        services.AddSingleton<TipCorrector>();
        services.AddSingleton<TipContentRemover>();
        services.AddSingleton<CounterRebuilder>();
        services.AddSingleton<CorrectionExporter>();
        services.AddSingleton<TipWeekReader>();
        services.AddSingleton<Tips.Store.Conversation.ConversationStore>();
        services.AddSingleton<Tips.Conversation.ResidentConversationService>();
        services.AddSingleton<PromiseCatalog>();
        services.AddSingleton<CommitmentActionStore>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<FollowUpSnapshotStore>();
        services.AddThemeCatalog(configuration);
        services.AddSingleton<Privacy.PersonalDataDetector>();
        services.AddSingleton<Emergency.EmergencyCueDetector>(_ => new Emergency.EmergencyCueDetector());
        services.AddSingleton<Tips.Check.TipChecker>();

        services.AddSingleton<TipValidator>();
        services.AddSingleton<TipIntakeService>();
        services.AddSingleton<TipCheckService>();
        services.AddSingleton<TipStatusService>();
        services.AddSingleton<TipProcessor>();
        services.AddSingleton<StatsQueryParser>();
        services.AddSingleton<ThemeStatsService>();
        services.AddSingleton<Stats.EarlyWarning.EarlyWarningService>();
        services.AddStaffArea(configuration);
        services.AddDigest(configuration);
        services.AddOptions<Retention.RetentionOptions>().BindConfiguration(Retention.RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<Retention.RetentionOptions>, Retention.RetentionScheduleValidator>();
        services.AddSingleton<Retention.RetentionService>();
        services.AddSingleton<Retention.ErasureService>();
        return services;
    }
}
