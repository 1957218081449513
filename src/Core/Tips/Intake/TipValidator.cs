using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>
/// The rules a submission must meet. Messages are in Swedish first and English second, like the form, and never
/// repeat what the resident wrote.
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

    public TipValidationResult Validate(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new FieldErrors();
        var text = CheckText(Trimmed(fields, TipFields.Text), errors);
        var kind = CheckKind(Trimmed(fields, TipFields.Kind), errors);
        var municipality = CheckMunicipality(Trimmed(fields, TipFields.Municipality), errors);
        var place = CheckLength(Trimmed(fields, TipFields.Place), TipFields.Place, TipLimits.MaxPlaceLength, "Platsen", "The place", errors);
        var observedAt = CheckObservedAt(Trimmed(fields, TipFields.ObservedAt), errors);
        var contact = CheckLength(Trimmed(fields, TipFields.Contact), TipFields.Contact, TipLimits.MaxContactLength, "Kontaktuppgiften", "The contact", errors);
        var consent = CheckConsent(Trimmed(fields, TipFields.Consent), errors);
        if (errors.Count > 0)
        {
            return new TipValidationResult(null, errors.ToDictionary());
        }

        // Without consent the contact is dropped here, so it never reaches the queue or the table.
        return new TipValidationResult(
            new TipContent(text!, kind, municipality, place, observedAt, consent ? contact : null),
            new Dictionary<string, string[]>());
    }

    private static string? CheckText(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            errors.Add(TipFields.Text, "Skriv ditt tips. / Write your tip.");
        }
        else if (TipLimits.LengthOf(text) < TipLimits.MinTextLength)
        {
            errors.Add(TipFields.Text, $"Texten behöver minst {TipLimits.MinTextLength} tecken. / The text needs at least {TipLimits.MinTextLength} characters.");
        }
        else if (TipLimits.LengthOf(text) > TipLimits.MaxTextLength)
        {
            errors.Add(TipFields.Text, $"Texten får ha högst {TipLimits.MaxTextLength} tecken. / The text may have at most {TipLimits.MaxTextLength} characters.");
        }

        return text;
    }

    private static TipKind CheckKind(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return TipKind.Tip;
        }

        if (!Kinds.TryGetValue(value, out var kind))
        {
            errors.Add(TipFields.Kind, "Välj tips, idé eller synpunkt. / Choose tip, idea or feedback (tip, idea, feedback).");
        }

        return kind;
    }

    private Municipality CheckMunicipality(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return municipalities.Default;
        }

        if (municipalities.TryFind(value, out var municipality))
        {
            return municipality;
        }

        var ids = string.Join(", ", municipalities.All.Select(m => m.Id));
        errors.Add(TipFields.Municipality, $"Välj en av kommunerna: {ids}. / Choose one of the municipalities: {ids}.");
        return municipalities.Default;
    }

    private static string? CheckLength(string? value, string field, int max, string swedishName, string englishName, FieldErrors errors)
    {
        if (value is not null && TipLimits.LengthOf(value) > max)
        {
            errors.Add(field, $"{swedishName} får ha högst {max} tecken. / {englishName} may have at most {max} characters.");
        }

        return value;
    }

    private static bool CheckConsent(string? value, FieldErrors errors)
    {
        var consent = TrueValues.Contains(value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        if (!consent && !FalseValues.Contains(value ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(TipFields.Consent, "Samtycke är ja eller nej. / Consent is true or false.");
        }

        return consent;
    }

    private DateTimeOffset? CheckObservedAt(string? value, FieldErrors errors)
    {
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
            errors.Add(TipFields.ObservedAt, "Ange tiden som 2026-11-20T18:30. / Give the time as 2026-11-20T18:30.");
            return null;
        }

        if (observed < TipLimits.EarliestObservation)
        {
            errors.Add(TipFields.ObservedAt, "Tiden ligger för långt bak i tiden. / The time is too far in the past.");
        }
        else if (observed > time.GetUtcNow() + TipLimits.ClockSkew)
        {
            errors.Add(TipFields.ObservedAt, "Tiden kan inte vara i framtiden. / The time cannot be in the future.");
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

        // A time without an offset is what the form's datetime-local field sends: it is Swedish time.
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
