using System.Net;
using Azure.Data.Tables;
using Grastorp.Intake.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// The real DevHost (pages, API, queue trigger, classifier) listening on a real loopback port for the browser, on an
/// Azurite account of its own.
/// </summary>
public class IntakeServer : WebApplicationFactory<Grastorp.Intake.DevHost.EntryPoint>, IAsyncLifetime
{
    public string ConnectionString { get; } = AzuriteAccounts.NewConnectionString();

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every test posts from 127.0.0.1: far above what a test sends, except on a server made to show the limit.</summary>
    protected virtual string RateLimitPerTenMinutes => "1000";

    /// <summary>Status lookups in ten minutes: far above what a test looks up, except on a server made to show the limit.</summary>
    protected virtual string RateLimitLookups => "1000";

    public ValueTask InitializeAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    /// <summary>The stored tip for a reference (the row the queue trigger writes once it has classified it), or null.</summary>
    public async Task<TableEntity?> StoredTipAsync(string reference)
    {
        var table = new TableClient(ConnectionString, "Tips");
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {reference}")))
            {
                return entity;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The table appears with the first classified tip.
        }

        return null;
    }

    /// <summary>Waits (bounded) until the queue trigger has classified and stored the tip.</summary>
    public async Task<TableEntity> ClassifiedTipAsync(string reference)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (await StoredTipAsync(reference) is { } stored)
            {
                return stored;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Tip {reference} was not classified within 30 s.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Warnings and errors only: the hosts' request lines buried the failing tests' names in the CI log, and an
        // error still shows what went wrong. Set after every other configuration: the host's LogLevel settings and
        // a filter added here both lost to the rules configured after them.
        builder.ConfigureServices(services => services.PostConfigure<LoggerFilterOptions>(filter =>
        {
            filter.Rules.Clear();
            filter.MinLevel = LogLevel.Warning;
        }));
        builder.UseSetting("AzureWebJobsStorage", ConnectionString);
        builder.UseSetting("Digest:PickupDirectory", Directory.CreateTempSubdirectory("digests-").FullName);
        builder.UseSetting("extensions:queues:maxPollingInterval", "00:00:00.500");
        // Every test posts from 127.0.0.1: limits of their own, far above what a test sends.
        builder.UseSetting("RateLimit:PerTenMinutes", RateLimitPerTenMinutes);
        builder.UseSetting("RateLimit:ChecksPerTenMinutes", "10000");
        builder.UseSetting("RateLimit:LookupsPerTenMinutes", RateLimitLookups);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (Exception e) when (e is ObjectDisposedException || (e is AggregateException all && all.InnerExceptions.All(i => i is ObjectDisposedException)))
        {
            // WebJobs cancels its own, already disposed, token when a host stops moments after starting (see DevHostFactory).
        }
    }
}
