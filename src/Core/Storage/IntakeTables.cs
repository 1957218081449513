using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Storage;

/// <summary>The system's tables, created on first use so a fresh storage account (or Azurite) needs no set-up step.</summary>
public sealed class IntakeTables
{
    private readonly CreatedOnce<TableClient> _tips;
    private readonly CreatedOnce<TableClient> _receipts;
    private readonly CreatedOnce<TableClient> _digests;
    private readonly CreatedOnce<TableClient> _audit;
    private readonly CreatedOnce<TableClient> _actions;
    private readonly CreatedOnce<TableClient> _poisoned;
    private readonly CreatedOnce<TableClient> _rollup;
    private readonly CreatedOnce<TableClient> _followUp;

    public IntakeTables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        var names = options.Value;
        _tips = Create(service, names.TipsTable);
        _receipts = Create(service, names.ReceiptsTable);
        _digests = Create(service, names.DigestsTable);
        _audit = Create(service, names.AuditTable);
        _actions = Create(service, names.ActionsTable);
        _poisoned = Create(service, names.PoisonedTable);
        _rollup = Create(service, names.RollupTable);
        _followUp = Create(service, names.FollowUpTable);
    }

    public Task<TableClient> TipsAsync() => _tips.GetAsync();

    public Task<TableClient> ReceiptsAsync() => _receipts.GetAsync();

    public Task<TableClient> DigestsAsync() => _digests.GetAsync();

    public Task<TableClient> AuditAsync() => _audit.GetAsync();

    public Task<TableClient> ActionsAsync() => _actions.GetAsync();
    public Task<TableClient> PoisonedAsync() => _poisoned.GetAsync();

    public Task<TableClient> RollupAsync() => _rollup.GetAsync();

    public Task<TableClient> FollowUpAsync() => _followUp.GetAsync();

    private static CreatedOnce<TableClient> Create(TableServiceClient service, string name) =>
        new(service.GetTableClient(name), table => table.CreateIfNotExistsAsync());
}
