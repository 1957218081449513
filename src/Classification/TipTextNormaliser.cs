using System.Globalization;
using System.Text;

namespace Grastorp.Intake.Classification;

/// <summary>Prepares a tip's text for analysis.</summary>
internal static class TipTextNormaliser
{
    /// <summary>
    /// The tip as the analysis reads it: format characters (zero-width space and joiner, soft hyphen, direction marks)
    /// dropped, since they split words without showing ("kn\u200Dark"), then composed to Unicode form C, since a
    /// decomposed "o\u0308" is not the "ö" the lexicons hold. Returns <paramref name="text"/> itself when it is already
    /// clean, as nearly every tip is.
    /// </summary>
    public static string Normalise(string text)
    {
        var hasFormat = false;
        foreach (var c in text)
        {
            if (c >= '\u00AD' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                hasFormat = true;
                break;
            }
        }

        if (hasFormat)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c < '\u00AD' || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                {
                    builder.Append(c);
                }
            }

            text = builder.ToString();
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate (a cut-off emoji) cannot be normalised; the words around it are still worth reading.
            return text;
        }
    }
}
