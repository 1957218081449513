namespace Grastorp.Intake.Infra.Tests;

/// <summary>
/// An app setting the code reads, in app-setting form (<c>Section__Key</c>): <c>#</c> stands for a list index,
/// <c>*</c> for any one key (dictionaries) and a trailing <c>**</c> for anything deeper. Keys compare case-insensitively,
/// as configuration keys do.
/// </summary>
internal sealed record SettingPattern(string Pattern, bool Required, string ReadBy)
{
    private const string Separator = "__";

    public bool Matches(string setting)
    {
        var pattern = Pattern.Split(Separator);
        var key = setting.Split(Separator);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "**")
            {
                return key.Length > i;
            }

            if (i >= key.Length || !SegmentMatches(pattern[i], key[i]))
            {
                return false;
            }
        }

        return key.Length == pattern.Length;
    }

    private static bool SegmentMatches(string pattern, string segment) => pattern switch
    {
        "#" => segment.Length > 0 && segment.All(char.IsAsciiDigit),
        "*" => segment.Length > 0,
        _ => string.Equals(pattern, segment, StringComparison.OrdinalIgnoreCase),
    };

    public override string ToString() => $"{Pattern} ({(Required ? "required" : "optional")}, read by {ReadBy})";
}
