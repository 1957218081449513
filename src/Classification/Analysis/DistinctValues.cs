namespace Grastorp.Intake.Classification.Analysis;

/// <summary>Sorting a tip's feature numbers or buckets down to each value once, in place (no set, no allocation).</summary>
internal static class DistinctValues
{
    /// <summary>Sorts <paramref name="values"/> and moves each distinct value to the front once; returns how many there are.</summary>
    public static int SortDistinct(Span<int> values)
    {
        values.Sort();
        var distinct = values.IsEmpty ? 0 : 1;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] != values[distinct - 1])
            {
                values[distinct++] = values[i];
            }
        }

        return distinct;
    }
}
