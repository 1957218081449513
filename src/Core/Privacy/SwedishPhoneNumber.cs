namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// The rules a Swedish phone number keeps, checked on a candidate the pattern found: mobiles are 07[02369] and ten
/// digits; other numbers have an area code (08, or three or four digits from 0) and eight to ten digits in all.
/// What fails (too short, too long, a date written with dashes) is a number, not a phone.
/// </summary>
public static class SwedishPhoneNumber
{
    /// <summary>
    /// Whether <paramref name="nationalDigits"/> (the digits with the leading 0, +46 already replaced by 0) is a valid
    /// Swedish number; <paramref name="areaCodeLength"/> is the length of the group written before a dash or
    /// parenthesis, if the writer set one apart.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> nationalDigits, int? areaCodeLength)
    {
        if (nationalDigits.Length < 8 || nationalDigits[0] != '0' || nationalDigits[1] == '0')
        {
            return false;
        }

        if (nationalDigits[1] == '7')
        {
            // 070, 072, 073, 076, 079 are mobiles; 071 (machines), 074 (pagers), 075, 077, 078 are not a person's number.
            return nationalDigits.Length == 10 && nationalDigits[2] is '0' or '2' or '3' or '6' or '9'
                && areaCodeLength is null or 3 or 4;
        }

        if (nationalDigits.Length > 10)
        {
            return false;
        }

        return areaCodeLength switch
        {
            null => true,
            2 => nationalDigits[1] == '8' && nationalDigits.Length >= 7,
            3 or 4 => nationalDigits.Length - areaCodeLength.Value >= 5,
            _ => false,
        };
    }
}
