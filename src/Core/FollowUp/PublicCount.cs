using System.Globalization;

namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// A count as it may be published: the number itself, "färre än 3" for 1 and 2, or withheld because it could be
/// worked out from other published counts. Only <see cref="SmallCountRule"/> makes these, so the page, the JSON and
/// the feed cannot disagree on what is hidden.
/// </summary>
public readonly record struct PublicCount
{
    private PublicCount(int? value, PublicCountKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The number, only when it may be shown.</summary>
    public int? Value { get; }

    public PublicCountKind Kind { get; }

    internal static PublicCount Shown(int value) => new(value, PublicCountKind.Shown);

    internal static PublicCount FewerThanThree { get; } = new(null, PublicCountKind.FewerThanThree);

    internal static PublicCount Withheld { get; } = new(null, PublicCountKind.Withheld);

    /// <summary>What a person reads: "12", "färre än 3" / "fewer than 3", "visas inte" / "not shown".</summary>
    public string Text(string language = "sv") => (Kind, language) switch
    {
        (PublicCountKind.Shown, _) => Value!.Value.ToString(CultureInfo.InvariantCulture),
        (PublicCountKind.FewerThanThree, "en") => "fewer than 3",
        (PublicCountKind.FewerThanThree, _) => "färre än 3",
        (PublicCountKind.Withheld, "en") => "not shown",
        _ => "visas inte",
    };
}

public enum PublicCountKind
{
    Shown,

    /// <summary>1 or 2: in a municipality of about 6,000 people, one tip about one street can point to a person.</summary>
    FewerThanThree,

    /// <summary>Not small itself, but shown it would reveal a small count by subtraction.</summary>
    Withheld,
}
