using System.Globalization;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// The checks a personnummer or samordningsnummer passes: a Luhn check digit over the ten-digit form and a real date
/// of birth, where a samordningsnummer adds 60 to the day. Masking asks only for the shape (<see cref="HasShape"/>):
/// a resident who mistypes a neighbour's number by one digit has still written it, so the check digit decides nothing
/// about what leaves the system.
/// </summary>
public static class Personnummer
{
    /// <summary>
    /// Whether <paramref name="digits"/> (10 or 12 digits, nothing else) is shaped like a personnummer or
    /// samordningsnummer: a real date of birth (day + 60 for a samordningsnummer), in the 1900s or 2000s when the
    /// century is written. The check digit is not looked at.
    /// </summary>
    public static bool HasShape(ReadOnlySpan<char> digits)
    {
        if (!OnlyDigits(digits, out var century))
        {
            return false;
        }

        // "18…" births are no living person's; twelve digits from 18 are far likelier an order or serial number.
        if (century is 18)
        {
            return false;
        }

        return HasValidDate(digits[^10..], century);
    }

    /// <summary>Whether <paramref name="digits"/> (10 or 12 digits, nothing else) is a valid personnummer or samordningsnummer.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        OnlyDigits(digits, out var century) && HasValidDate(digits[^10..], century) && LuhnHolds(digits[^10..]);

    /// <summary>The Luhn (mod 10) check over ten digits, as Skatteverket computes it: weights 2,1,2,1… from the left.</summary>
    public static bool LuhnHolds(ReadOnlySpan<char> tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>10 or 12 ASCII digits, and for 12 a century of 18, 19 or 20 (in <paramref name="century"/>).</summary>
    private static bool OnlyDigits(ReadOnlySpan<char> digits, out int? century)
    {
        century = null;
        if (digits.Length is not (10 or 12))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (digits.Length == 12)
        {
            century = Two(digits, 0);
            return century is 18 or 19 or 20;
        }

        return true;
    }

    private static bool HasValidDate(ReadOnlySpan<char> tenDigits, int? century)
    {
        var yy = Two(tenDigits, 0);
        var month = Two(tenDigits, 2);
        var day = Two(tenDigits, 4);
        if (day > 60)
        {
            day -= 60; // samordningsnummer
        }

        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        // Without a century either one may be meant; 29 February needs only one of them to be a leap year.
        var maxDay = century is { } c
            ? DateTime.DaysInMonth((c * 100) + yy, month)
            : Math.Max(DateTime.DaysInMonth(1900 + yy, month), DateTime.DaysInMonth(2000 + yy, month));
        return day <= maxDay;
    }

    private static int Two(ReadOnlySpan<char> digits, int at) => int.Parse(digits.Slice(at, 2), NumberStyles.None, CultureInfo.InvariantCulture);
}
