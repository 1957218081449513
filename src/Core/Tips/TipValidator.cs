using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Tips;

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
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var text = Trimmed(fields, TipFields.Text);
        if (text is null)
        {
            Fail(TipFields.Text, "Skriv ditt tips. / Write your tip.");
        }
        else if (text.Length < TipLimits.MinTextLength)
        {
            Fail(TipFields.Text, $"Texten behöver minst {TipLimits.MinTextLength} tecken. / The text needs at least {TipLimits.MinTextLength} characters.");
        }
        else if (text.Length > TipLimits.MaxTextLength)
        {
            Fail(TipFields.Text, $"Texten får ha högst {TipLimits.MaxTextLength} tecken. / The text may have at most {TipLimits.MaxTextLength} characters.");
        }

        var kind = TipKind.Tip;
        var kindText = Trimmed(fields, TipFields.Kind);
        if (kindText is not null && !Kinds.TryGetValue(kindText, out kind))
        {
            Fail(TipFields.Kind, "Välj tips, idé eller synpunkt. / Choose tip, idea or feedback (tip, idea, feedback).");
        }

        var municipality = municipalities.Default;
        var municipalityText = Trimmed(fields, TipFields.Municipality);
        if (municipalityText is not null && !municipalities.TryFind(municipalityText, out municipality))
        {
            var ids = string.Join(", ", municipalities.All.Select(m => m.Id));
            Fail(TipFields.Municipality, $"Välj en av kommunerna: {ids}. / Choose one of the municipalities: {ids}.");
        }

        var place = Trimmed(fields, TipFields.Place);
        if (place?.Length > TipLimits.MaxPlaceLength)
        {
            Fail(TipFields.Place, $"Platsen får ha högst {TipLimits.MaxPlaceLength} tecken. / The place may have at most {TipLimits.MaxPlaceLength} characters.");
        }

        var observedAt = ParseObservedAt(Trimmed(fields, TipFields.ObservedAt), Fail);

        var contact = Trimmed(fields, TipFields.Contact);
        if (contact?.Length > TipLimits.MaxContactLength)
        {
            Fail(TipFields.Contact, $"Kontaktuppgiften får ha högst {TipLimits.MaxContactLength} tecken. / The contact may have at most {TipLimits.MaxContactLength} characters.");
        }

        var consentText = Trimmed(fields, TipFields.Consent) ?? string.Empty;
        var consent = TrueValues.Contains(consentText, StringComparer.OrdinalIgnoreCase);
        if (!consent && !FalseValues.Contains(consentText, StringComparer.OrdinalIgnoreCase))
        {
            Fail(TipFields.Consent, "Samtycke är ja eller nej. / Consent is true or false.");
        }

        if (errors.Count > 0)
        {
            return new TipValidationResult(null, errors);
        }

        // Without consent the contact is dropped here, so it never reaches the queue or the table.
        return new TipValidationResult(
            new TipContent(text!, kind, municipality!, place, observedAt, consent ? contact : null),
            errors);
    }

    private DateTimeOffset? ParseObservedAt(string? value, Action<string, string> fail)
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
            fail(TipFields.ObservedAt, "Ange tiden som 2026-11-20T18:30. / Give the time as 2026-11-20T18:30.");
            return null;
        }

        if (observed < TipLimits.EarliestObservation)
        {
            fail(TipFields.ObservedAt, "Tiden ligger för långt bak i tiden. / The time is too far in the past.");
            return null;
        }

        if (observed > time.GetUtcNow() + TipLimits.ClockSkew)
        {
            fail(TipFields.ObservedAt, "Tiden kan inte vara i framtiden. / The time cannot be in the future.");
            return null;
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
