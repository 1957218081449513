using System.Globalization;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// The checks a personnummer or samordningsnummer passes: a Luhn check digit over the ten-digit form and a real date
/// of birth, where a samordningsnummer adds 60 to the day. Random ten-digit numbers (orders, invoices) pass both only
/// about once in a few hundred.
/// </summary>
public static class Personnummer
{
    /// <summary>Whether <paramref name="digits"/> (10 or 12 digits, nothing else) is a valid personnummer or samordningsnummer.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
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

        int? century = null;
        if (digits.Length == 12)
        {
            century = Two(digits, 0);
            if (century is not (18 or 19 or 20))
            {
                return false;
            }

            digits = digits[2..];
        }

        return HasValidDate(digits, century) && LuhnHolds(digits);
    }

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
