namespace Grastorp.Intake.Core.Promises;

/// <summary>
/// One municipality's medborgarlöfte for a year, read from its file in <c>config/promises</c>. A new year's promise is
/// a new file: the one with the latest year not after a tip's year is the one the tip is counted under.
/// </summary>
public sealed record Promise(
    string Id,
    int Year,
    string Municipality,
    string Title,
    string Source,
    bool IsExample,
    IReadOnlyList<Commitment> Commitments)
{
    /// <summary>The file it was read from (its name only), for messages.</summary>
    public string File { get; init; } = string.Empty;
}
