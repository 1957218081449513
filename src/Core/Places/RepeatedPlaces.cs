namespace Grastorp.Intake.Core.Places;

/// <summary>Finds places named in <see cref="MinTips"/> or more tips within <see cref="Window"/>, for the digest's "Att följa upp".</summary>
public static class RepeatedPlaces
{
    public const int MinTips = 3;

    public static readonly TimeSpan Window = TimeSpan.FromDays(28);

    public static IReadOnlyList<RepeatedPlace> Find(IEnumerable<PlacedTip> tips, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tips);
        var since = now - Window;
        return [.. tips
            .Where(t => t.ReceivedAt > since && t.ReceivedAt <= now)
            .Select(t => (Tip: t, Key: PlaceKey.Of(t.Place)))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal)
            .Where(g => g.Count() >= MinTips)
            .Select(g => new RepeatedPlace(
                g.Key,
                g.GroupBy(x => x.Tip.Place!.Trim(), StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                g.Count(),
                [.. g.SelectMany(x => x.Tip.Themes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderByDescending(p => p.Tips)
            .ThenBy(p => p.Key, StringComparer.Ordinal)];
    }
}
