using System.Globalization;
using System.Resources;

namespace Grastorp.Intake.Core.Texts;

/// <summary>
/// What a resident is told about their submission, from TipMessages.resx (Swedish) and TipMessages.en.resx. The form
/// pages, their script and the JSON API all take these same texts, so a message never differs between them.
/// </summary>
public static class TipMessages
{
    public const string TextMissing = nameof(TextMissing);
    public const string TextTooShort = nameof(TextTooShort);
    public const string TextNeedsWords = nameof(TextNeedsWords);
    public const string TextTooLong = nameof(TextTooLong);
    public const string KindUnknown = nameof(KindUnknown);
    public const string MunicipalityMissing = nameof(MunicipalityMissing);
    public const string MunicipalityUnknown = nameof(MunicipalityUnknown);
    public const string PlaceTooLong = nameof(PlaceTooLong);
    public const string ContactTooLong = nameof(ContactTooLong);
    public const string SourceUnknown = nameof(SourceUnknown);
    public const string ConsentUnreadable = nameof(ConsentUnreadable);
    public const string NotifyUnreadable = nameof(NotifyUnreadable);
    public const string NotifyNeedsEmail = nameof(NotifyNeedsEmail);
    public const string ObservedAtFormat = nameof(ObservedAtFormat);
    public const string ObservedDateFormat = nameof(ObservedDateFormat);
    public const string ObservedTimeWithoutDate = nameof(ObservedTimeWithoutDate);
    public const string ObservedTooEarly = nameof(ObservedTooEarly);
    public const string ObservedInFuture = nameof(ObservedInFuture);
    public const string FieldNotText = nameof(FieldNotText);
    public const string BodyNotUtf8 = nameof(BodyNotUtf8);
    public const string BodyNotJsonObject = nameof(BodyNotJsonObject);
    public const string BodyNotJson = nameof(BodyNotJson);
    public const string NeedsCorrecting = nameof(NeedsCorrecting);
    public const string TooLarge = nameof(TooLarge);
    public const string UnsupportedMediaType = nameof(UnsupportedMediaType);
    public const string NoSuchTip = nameof(NoSuchTip);

    private static readonly ResourceManager Resources = new("Grastorp.Intake.Core.Texts.TipMessages", typeof(TipMessages).Assembly);

    /// <summary>The message in the given language, with its placeholders ({0}, …) filled in.</summary>
    public static string Get(string key, Language language, params object[] arguments)
    {
        var culture = language.Culture();
        var format = Resources.GetString(key, culture) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such message.");
        return arguments.Length == 0 ? format : string.Format(culture, format, arguments);
    }
}
