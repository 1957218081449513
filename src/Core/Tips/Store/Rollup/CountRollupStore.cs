using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store.Rollup;

/// <summary>
/// The only owner of the rollup table: one row per municipality (partition) and ISO week (row key, which sorts in
/// week order), holding every counter stats needs as one property each, so a year of one municipality is one small
/// range read instead of 53 reads in a table that also holds every tip. A copy, written after the tips partition's
/// transaction by the tips table's owners (recording, correcting, rebuilding): a row is replaced only by a higher
/// <see cref="WeekCounters.Version"/>, so writers that race or arrive late (a redelivered message, another instance) never put older counts back.
/// Promise commitment counters are not copied (the follow-up reads them from the tips table).
/// </summary>
public sealed class CountRollupStore(IntakeTables tables)
{
    /// <summary>
    /// Each lost race means another writer stored a newer or equal version, after which this write is either due
    /// with a fresh ETag or not needed at all; the bound only stops a pathological loop (the caller's message retries).
    /// </summary>
    private const int MaxAttempts = 8;

    private const string VersionProperty = "Version";
    private const string TipsProperty = "Tips";
    private const string ThemePrefix = "Theme_";
    private const string KindPrefix = "Kind_";

    /// <summary>
    /// The version and ETag this process last wrote or read per row, so the usual write (this instance recorded the
    /// week's last tip too) is one conditional replace, without a read first. Three municipalities and a few weeks a
    /// year are written, so the map stays small.
    /// </summary>
    private readonly ConcurrentDictionary<string, (long Version, ETag ETag)> _known = new(StringComparer.Ordinal);

    /// <summary>Stores the week's counters unless the row already holds this version or a newer one.</summary>
    public async Task<RollupWrite> WriteAsync(WeekCounters counters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var table = await tables.RollupAsync().ConfigureAwait(false);
        var entity = ToEntity(counters);
        var key = counters.Partition.Key;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (!_known.TryGetValue(key, out var known))
            {
                var stored = await table.GetEntityIfExistsAsync<TableEntity>(
                    entity.PartitionKey, entity.RowKey, select: [VersionProperty], cancellationToken).ConfigureAwait(false);
                if (!stored.HasValue || stored.Value is not { } row)
                {
                    try
                    {
                        var added = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                        _known[key] = (counters.Version, added.Headers.ETag ?? default);
                        return RollupWrite.Written;
                    }
                    catch (RequestFailedException e) when (e.Status == 409)
                    {
                        continue; // Another writer added the row first: compare with what it wrote.
                    }
                }

                known = (row.GetInt64(VersionProperty) ?? 0, row.ETag);
                _known[key] = known;
            }

            if (known.Version >= counters.Version)
            {
                return RollupWrite.AlreadyNewer;
            }

            try
            {
                var replaced = await table.UpdateEntityAsync(entity, known.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                _known[key] = (counters.Version, replaced.Headers.ETag ?? default);
                return RollupWrite.Written;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Someone else wrote (or removed) the row since we knew it: read it again and compare versions.
                _known.TryRemove(key, out _);
            }
        }

        throw new InvalidOperationException($"The rollup row of {key} kept changing; {MaxAttempts} writes lost their race.");
    }

    /// <summary>The version the week's row holds (one point read), 0 when it has none.</summary>
    public async Task<long> VersionOfAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.RollupAsync().ConfigureAwait(false);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(
            partition.Municipality, partition.Week.ToString(), select: [VersionProperty], cancellationToken).ConfigureAwait(false);
        return stored.HasValue && stored.Value is { } row ? row.GetInt64(VersionProperty) ?? 0 : 0;
    }

    /// <summary>
    /// The rows of one municipality from <paramref name="from"/> to <paramref name="to"/> (one range read); a week
    /// without a row had no tips recorded, or was never written (see <c>Tips.Store.Rebuilding.CounterRebuilder</c>).
    /// </summary>
    public async Task<IReadOnlyList<WeekCounters>> ReadAsync(string municipality, WeekId from, WeekId to, CancellationToken cancellationToken)
    {
        var table = await tables.RollupAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {municipality} and RowKey ge {from.ToString()} and RowKey le {to.ToString()}");
        var weeks = new List<WeekCounters>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (WeekId.TryParse(row.RowKey, null, out var week))
            {
                weeks.Add(FromEntity(new TipPartition(municipality, week), row));
            }
        }

        return weeks;
    }

    /// <summary>Property names: <c>Tips</c>, <c>Theme_{theme}</c>, <c>Kind_{kind}</c>, <c>Kind_{kind}_{theme}</c>; kinds hold no underscore, theme ids only [a-z0-9_].</summary>
    internal static string PropertyName(string? kind, string? theme)
    {
        if (kind is not null && (!KeyId.IsValid(kind) || kind.Contains('_', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A kind for the rollup is lower-case letters and digits: '{kind}'.", nameof(kind));
        }

        if (theme is not null && !KeyId.IsValid(theme))
        {
            throw new ArgumentException($"A theme for the rollup is a key id: '{theme}'.", nameof(theme));
        }

        return (kind, theme) switch
        {
            (null, null) => TipsProperty,
            (null, _) => ThemePrefix + theme,
            (_, null) => KindPrefix + kind,
            _ => $"{KindPrefix}{kind}_{theme}",
        };
    }

    private static TableEntity ToEntity(WeekCounters counters)
    {
        var entity = new TableEntity(counters.Partition.Municipality, counters.Partition.Week.ToString()) { [VersionProperty] = counters.Version };
        foreach (var counter in counters.Counters)
        {
            entity[PropertyName(counter.Kind, counter.Theme)] = counter.Count;
        }

        return entity;
    }

    private static WeekCounters FromEntity(TipPartition partition, TableEntity row)
    {
        var counters = new List<WeekCounters.Counter>();
        foreach (var (name, value) in row)
        {
            if (value is not int count)
            {
                continue; // Keys, Timestamp, ETag and the version.
            }

            if (name == TipsProperty)
            {
                counters.Add(new(null, null, count));
            }
            else if (name.StartsWith(ThemePrefix, StringComparison.Ordinal))
            {
                counters.Add(new(null, name[ThemePrefix.Length..], count));
            }
            else if (name.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                var rest = name[KindPrefix.Length..];
                var split = rest.IndexOf('_', StringComparison.Ordinal);
                counters.Add(split < 0 ? new(rest, null, count) : new(rest[..split], rest[(split + 1)..], count));
            }
        }

        return new WeekCounters(partition, row.GetInt64(VersionProperty) ?? 0, counters);
    }
}
