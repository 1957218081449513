using System.Text;

namespace Grastorp.Intake.Core.Tips;

/// <summary>The sizes a tip may have. Shared by validation and the hosts' request limits.</summary>
public static class TipLimits
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 4000;

    /// <summary>
    /// Letters or digits a tip's text needs besides its length: eleven emoji or a line of punctuation tell the
    /// kommunpolis nothing. Half the minimum length, so a short real tip ("Rån nu, Storgatan 3") always has enough.
    /// </summary>
    public const int MinLettersOrDigits = 5;
    public const int MaxPlaceLength = 200;
    public const int MaxContactLength = 200;

    /// <summary>
    /// Length as a resident counts it: Unicode scalar values, so an emoji or an "ö" typed as o + ring is not two.
    /// Every length rule (intake and the queue-side check) uses this one measure.
    /// </summary>
    public static int LengthOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = 0;
        foreach (var _ in value.Normalize().EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    /// <summary>How many letters or digits (any script) the text holds, counted as <see cref="LengthOf"/> counts.</summary>
    public static int LettersOrDigitsOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var count = 0;
        foreach (var rune in value.Normalize().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A request body larger than this is refused before it is read. The longest tip a resident can write must fit in
    /// its most expensive encoding: a form post percent-encodes a 4-byte character as 12 bytes, so 4000 characters of
    /// text plus place and contact can reach about 53,000 bytes (the earlier 16 KiB refused a form post of 4000 Swedish letters).
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>How far in the future an observation time may be before it is refused: phones' clocks drift.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Earlier observation times are typing mistakes; Table Storage could not even store dates before 1601.</summary>
    public static readonly DateTimeOffset EarliestObservation = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
