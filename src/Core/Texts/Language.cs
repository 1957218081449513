using System.Globalization;

namespace Grastorp.Intake.Core.Texts;

/// <summary>The languages a resident is answered in. Swedish first: it is the default everywhere.</summary>
public enum Language
{
    Swedish,
    English,
}

/// <summary>How a language is named on the wire (the form's hidden <c>lang</c> field, <c>Accept-Language</c>, <c>&lt;html lang&gt;</c>).</summary>
public static class Languages
{
    public static string Code(this Language language) => language == Language.English ? "en" : "sv";

    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language.Code());

    /// <summary>A form's hidden <c>lang</c> field: only "en" means English; anything else is Swedish.</summary>
    public static Language FromCode(string? code) =>
        string.Equals(code?.Trim(), "en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Swedish;

    /// <summary>
    /// The language of a JSON answer: English when the client prefers English to Swedish (by q-value, then order),
    /// otherwise Swedish, including when the header is missing or unreadable.
    /// </summary>
    public static Language FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Language.Swedish;
        }

        double swedish = -1, english = -1;
        var parts = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length && i < 32; i++)
        {
            var pieces = parts[i].Split(';', StringSplitOptions.TrimEntries);
            var tag = pieces[0];
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            // Earlier entries win ties: "en, sv" prefers English.
            var weighted = quality - (i * 1e-6);
            if (IsLanguage(tag, "sv") || IsLanguage(tag, "nb") || IsLanguage(tag, "da") || IsLanguage(tag, "nn") || IsLanguage(tag, "no"))
            {
                swedish = Math.Max(swedish, weighted);
            }
            else if (IsLanguage(tag, "en"))
            {
                english = Math.Max(english, weighted);
            }
        }

        return english > 0 && english > swedish ? Language.English : Language.Swedish;
    }

    private static bool IsLanguage(string tag, string code) =>
        tag.Equals(code, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(code + "-", StringComparison.OrdinalIgnoreCase);
}
