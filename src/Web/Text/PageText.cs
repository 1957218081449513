using System.Globalization;
using System.Resources;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Web.Text;

/// <summary>Every label on the resident pages, from PageText.resx (Swedish, the default) and PageText.en.resx.</summary>
public static class PageText
{
    private static readonly ResourceManager Resources = new("Grastorp.Intake.Web.Text.PageText", typeof(PageText).Assembly);

    public static string Get(string key, Language language, params object[] arguments)
    {
        var culture = language.Culture();
        var format = Resources.GetString(key, culture) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such page text.");
        return arguments.Length == 0 ? format : string.Format(culture, format, arguments);
    }
}
