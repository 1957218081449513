using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>
/// The rules a submission must meet. Messages come from <see cref="TipMessages"/> in the resident's language and
/// never repeat what the resident wrote.
/// </summary>
public sealed class TipValidator(MunicipalityCatalog municipalities, TimeProvider time)
{
    // An explicit map: Enum.TryParse would also take "1" or a flags list such as "tip, idea".
    private static readonly Dictionary<string, TipKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tip"] = TipKind.Tip,
        ["idea"] = TipKind.Idea,
        ["feedback"] = TipKind.Feedback,
    };

    private static readonly string[] TrueValues = ["true", "on", "yes", "ja", "1"];
    private static readonly string[] FalseValues = ["false", "off", "no", "nej", "0", ""];

    public TipValidationResult Validate(IReadOnlyDictionary<string, string?> fields, Language language = Language.Swedish) =>
        Validate(fields, language, time.GetUtcNow());

    /// <summary>
    /// The same rules again for a tip that comes off the queue, where anyone with the storage key can write a message:
    /// every field the intake checked, checked the same way (an observation may not lie after the tip was received),
    /// plus what the intake guarantees by writing only normalised values (no control or format characters, trimmed)
    /// and a receive time that is not in the future. A contact travels only when the resident consented (the intake
    /// drops it otherwise), so a contact in a message stands for its consent.
    /// </summary>
    /// <returns>The names of the fields the intake would have refused, in order; empty when the tip is as the intake writes it.</returns>
    public IReadOnlyList<string> Recheck(ReceivedTip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [TipFields.Text] = tip.Text,
            [TipFields.Kind] = Kinds.FirstOrDefault(k => k.Value == tip.Kind).Key ?? "unknown",
            [TipFields.Municipality] = tip.Municipality,
            [TipFields.Place] = tip.Place,
            [TipFields.ObservedAt] = tip.ObservedAt?.ToString("o", CultureInfo.InvariantCulture),
            [TipFields.Contact] = tip.Contact,
            [TipFields.Consent] = tip.Contact is null ? null : "true",
            [TipFields.Notify] = tip.NotifyByEmail ? "true" : null,
            [TipFields.Source] = tip.Source,
        };
        var refused = new SortedSet<string>(Validate(fields, Language.English, tip.ReceivedAt).Errors.Keys, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (value is not null && !string.Equals(value, VisibleText.Normalise(value).Trim(), StringComparison.Ordinal))
            {
                refused.Add(name);
            }
        }

        if (tip.ReceivedAt > time.GetUtcNow() + TipLimits.ClockSkew)
        {
            refused.Add("receivedAt");
        }

        return [.. refused];
    }

    private TipValidationResult Validate(IReadOnlyDictionary<string, string?> fields, Language language, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new FieldErrors();
        var text = CheckText(Trimmed(fields, TipFields.Text), errors, language);
        var kind = CheckKind(Trimmed(fields, TipFields.Kind), errors, language);
        // The form preselects no municipality, so a form post without one forgot it; the API's default is for JSON clients.
        var fromForm = fields.ContainsKey(TipFields.Language);
        var municipality = CheckMunicipality(Trimmed(fields, TipFields.Municipality), fromForm, errors, language);
        var place = CheckLength(Trimmed(fields, TipFields.Place), TipFields.Place, TipLimits.MaxPlaceLength, TipMessages.PlaceTooLong, errors, language);
        var observedAt = CheckObservedAt(fields, now, errors, language);
        var contact = CheckLength(Trimmed(fields, TipFields.Contact), TipFields.Contact, TipLimits.MaxContactLength, TipMessages.ContactTooLong, errors, language);
        var consent = CheckConsent(Trimmed(fields, TipFields.Consent), errors, language);
        var notify = CheckNotify(Trimmed(fields, TipFields.Notify), consent ? contact : null, errors, language);
        if (!TipSource.TryParse(Trimmed(fields, TipFields.Source), out var source))
        {
            // Only a client other than the form can send another value (the form offers three radio buttons).
            errors.Add(TipFields.Source, TipMessages.Get(TipMessages.SourceUnknown, language));
        }

        if (errors.Count > 0)
        {
            return new TipValidationResult(null, errors.ToDictionary());
        }

        // Without consent the contact is dropped here, so it never reaches the queue or the table.
        return new TipValidationResult(
            new TipContent(text!, kind, municipality, place, observedAt, consent ? contact : null) { Source = source, NotifyByEmail = notify },
            new Dictionary<string, string[]>());
    }

    private static string? CheckText(string? text, FieldErrors errors, Language language)
    {
        if (text is null)
        {
            errors.Add(TipFields.Text, TipMessages.Get(TipMessages.TextMissing, language));
        }
        else if (TipLimits.LengthOf(text) < TipLimits.MinTextLength)
        {
            errors.Add(TipFields.Text, TipMessages.Get(TipMessages.TextTooShort, language, TipLimits.MinTextLength));
        }
        else if (TipLimits.LengthOf(text) > TipLimits.MaxTextLength)
        {
            errors.Add(TipFields.Text, TipMessages.Get(TipMessages.TextTooLong, language, TipLimits.MaxTextLength));
        }
        else if (TipLimits.LettersOrDigitsOf(text) < TipLimits.MinLettersOrDigits)
        {
            errors.Add(TipFields.Text, TipMessages.Get(TipMessages.TextNeedsWords, language, TipLimits.MinLettersOrDigits));
        }

        return text;
    }

    private static TipKind CheckKind(string? value, FieldErrors errors, Language language)
    {
        if (value is null)
        {
            return TipKind.Tip;
        }

        if (!Kinds.TryGetValue(value, out var kind))
        {
            errors.Add(TipFields.Kind, TipMessages.Get(TipMessages.KindUnknown, language));
        }

        return kind;
    }

    private Municipality CheckMunicipality(string? value, bool required, FieldErrors errors, Language language)
    {
        if (value is null && !required)
        {
            return municipalities.Default;
        }

        if (municipalities.TryFind(value, out var municipality))
        {
            return municipality;
        }

        errors.Add(TipFields.Municipality, value is null
            ? TipMessages.Get(TipMessages.MunicipalityMissing, language)
            : TipMessages.Get(TipMessages.MunicipalityUnknown, language, string.Join(", ", municipalities.All.Select(m => m.Id))));
        return municipalities.Default;
    }

    private static string? CheckLength(string? value, string field, int max, string message, FieldErrors errors, Language language)
    {
        if (value is not null && TipLimits.LengthOf(value) > max)
        {
            errors.Add(field, TipMessages.Get(message, language, max));
        }

        return value;
    }

    private static bool CheckConsent(string? value, FieldErrors errors, Language language)
    {
        var consent = YesOrNo(value);
        if (consent is null)
        {
            errors.Add(TipFields.Consent, TipMessages.Get(TipMessages.ConsentUnreadable, language));
        }

        return consent == true;
    }

    /// <summary>
    /// The e-mail notice is sent to the contact, so it needs one that is an e-mail address, given with consent; asked for
    /// without one, the resident is told how to get it rather than silently sent nothing.
    /// </summary>
    private static bool CheckNotify(string? value, string? consentedContact, FieldErrors errors, Language language)
    {
        var notify = YesOrNo(value);
        if (notify is null)
        {
            errors.Add(TipFields.Notify, TipMessages.Get(TipMessages.NotifyUnreadable, language));
        }
        else if (notify == true && !TipsterEmail.TryRead(consentedContact, out _))
        {
            errors.Add(TipFields.Notify, TipMessages.Get(TipMessages.NotifyNeedsEmail, language));
        }

        return notify == true;
    }

    /// <summary>A checkbox or JSON boolean as sent: yes, no (also absent or empty), or null for anything else.</summary>
    private static bool? YesOrNo(string? value) =>
        TrueValues.Contains(value ?? string.Empty, StringComparer.OrdinalIgnoreCase) ? true
        : FalseValues.Contains(value ?? string.Empty, StringComparer.OrdinalIgnoreCase) ? false
        : null;

    private static DateTimeOffset? CheckObservedAt(IReadOnlyDictionary<string, string?> fields, DateTimeOffset now, FieldErrors errors, Language language)
    {
        var value = Trimmed(fields, TipFields.ObservedAt);
        var formatMessage = TipMessages.ObservedAtFormat;
        if (value is null)
        {
            // The form asks for a date and an optional time in two fields (what <input type=date|time> send).
            var date = Trimmed(fields, TipFields.ObservedDate);
            var timeOfDay = Trimmed(fields, TipFields.ObservedTime);
            if (date is null && timeOfDay is not null)
            {
                errors.Add(TipFields.ObservedAt, TipMessages.Get(TipMessages.ObservedTimeWithoutDate, language));
                return null;
            }

            value = date is null ? null : timeOfDay is null ? date : $"{date}T{timeOfDay}";
            formatMessage = TipMessages.ObservedDateFormat;
        }

        if (value is null)
        {
            return null;
        }

        DateTimeOffset observed;
        try
        {
            observed = ParseInstant(value) ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            // Out-of-range dates ("0001-01-01" shifted to UTC) land here too: refused, never thrown at the resident.
            errors.Add(TipFields.ObservedAt, TipMessages.Get(formatMessage, language));
            return null;
        }

        if (observed < TipLimits.EarliestObservation)
        {
            errors.Add(TipFields.ObservedAt, TipMessages.Get(TipMessages.ObservedTooEarly, language));
        }
        else if (observed > now + TipLimits.ClockSkew)
        {
            errors.Add(TipFields.ObservedAt, TipMessages.Get(TipMessages.ObservedInFuture, language));
        }

        return observed;
    }

    private static DateTimeOffset? ParseInstant(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return SwedishTime.AtLocal(date, TimeOnly.MinValue);
        }

        if (!value.Contains('T', StringComparison.OrdinalIgnoreCase)
            || !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime))
        {
            return null;
        }

        // A time without an offset is what the form's date and time fields send: it is Swedish time.
        return dateTime.Kind == DateTimeKind.Unspecified
            ? SwedishTime.AtLocal(DateOnly.FromDateTime(dateTime), TimeOnly.FromDateTime(dateTime))
            : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
    }

    private static string? Trimmed(IReadOnlyDictionary<string, string?> fields, string name)
    {
        var value = fields.GetValueOrDefault(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
