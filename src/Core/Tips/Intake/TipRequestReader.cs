using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Web;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>
/// Turns a request body, JSON or an HTML form post, into the same field map, refusing oversized bodies before
/// reading them and never reading more than the limit.
/// </summary>
public static class TipRequestReader
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(IReadOnlyDictionary<string, string?>? Fields, SubmitOutcome? Refusal)> ReadAsync(
        TipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = Languages.FromAcceptLanguage(request.AcceptLanguage);
        if (request.ContentLength > TipLimits.MaxBodyBytes)
        {
            return (null, new SubmitOutcome.TooLarge { Language = language });
        }

        var mediaType = MediaTypeOf(request.ContentType);
        if (mediaType is null)
        {
            return (null, new SubmitOutcome.UnsupportedMediaType { Language = language });
        }

        // A pooled buffer one byte over the limit: a body that fills it is too large, and nothing is copied to fit.
        var buffer = ArrayPool<byte>.Shared.Rent(TipLimits.MaxBodyBytes + 1);
        try
        {
            var length = await ReadAtMostAsync(request.Body, buffer, TipLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (length < 0)
            {
                return (null, new SubmitOutcome.TooLarge { Language = language });
            }

            // A leading byte-order mark is allowed by RFC 8259 §8.1 and sent by some clients; it is not content.
            var body = buffer.AsMemory(0, length);
            if (body.Span.StartsWith(ByteOrderMark))
            {
                body = body[ByteOrderMark.Length..];
            }

            if (!Utf8.IsValid(body.Span))
            {
                return (null, Malformed(TipMessages.BodyNotUtf8, language));
            }

            // Valid UTF-8 decodes to a string that encodes back to the same bytes, so JSON is parsed from the bytes as
            // they came rather than from a string made of them first.
            var (fields, refusal) = mediaType == Json ? ReadJson(body, language) : ReadForm(StrictUtf8.GetString(body.Span), language);
            return refusal is null ? (fields, null) : (null, refusal);
        }
        finally
        {
            // The buffer held what a resident wrote: cleared before another part of the process can rent it.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static string? MediaTypeOf(string? contentType)
    {
        if (string.Equals(contentType, Json, StringComparison.Ordinal))
        {
            // What API clients and the form's script send, with nothing to parse.
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is null)
        {
            return null;
        }

        if (parsed.CharSet is { } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var mediaType = parsed.MediaType.ToLowerInvariant();
        return mediaType is Json or Form ? mediaType : null;
    }

    /// <summary>Reads the body into <paramref name="buffer"/>; its length, or -1 when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<int> ReadAtMostAsync(Stream body, byte[] buffer, int limit, CancellationToken cancellationToken)
    {
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(4096, limit + 1 - length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
            if (length > limit)
            {
                return -1;
            }
        }

        return length;
    }

    private static (IReadOnlyDictionary<string, string?>?, SubmitOutcome?) ReadJson(ReadOnlyMemory<byte> utf8, Language language)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Malformed(TipMessages.BodyNotJsonObject, language));
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // Errors name our own field names, never the key as sent: a key is the sender's text too.
                if (fields.ContainsKey(property.Name))
                {
                    errors[KnownField(property.Name) ?? TipFields.Body] = [ServiceMessages.Get(ServiceMessages.FieldRepeated, language)];
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = VisibleText.Normalise(property.Value.GetString()!);
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        fields[property.Name] = null;
                        break;
                    default:
                        // A number is not text either (1e400000000 is not even a number .NET can hold).
                        errors[KnownField(property.Name) ?? TipFields.Body] = [TipMessages.Get(TipMessages.FieldNotText, language)];
                        break;
                }
            }

            return errors.Count > 0 ? (null, new SubmitOutcome.Invalid(errors) { Language = language }) : (fields, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string with a lone surrogate escape (\ud800) parses but cannot be read.
            return (null, Malformed(TipMessages.BodyNotJson, language));
        }
    }

    /// <summary>
    /// A form post's fields, decoded strictly: a percent-escape that is not UTF-8 (a Latin-1 "%E4") is refused as the
    /// JSON path refuses invalid UTF-8, and a field sent twice is refused rather than joined.
    /// </summary>
    private static (IReadOnlyDictionary<string, string?>?, SubmitOutcome?) ReadForm(string text, Language language)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key, value;
            try
            {
                key = StrictUtf8.GetString(HttpUtility.UrlDecodeToBytes(equals < 0 ? pair : pair[..equals], Encoding.UTF8));
                value = StrictUtf8.GetString(HttpUtility.UrlDecodeToBytes(equals < 0 ? string.Empty : pair[(equals + 1)..], Encoding.UTF8));
            }
            catch (DecoderFallbackException)
            {
                return (null, Malformed(TipMessages.BodyNotUtf8, language));
            }

            if (!fields.TryAdd(key, VisibleText.Normalise(value)))
            {
                errors[KnownField(key) ?? TipFields.Body] = [ServiceMessages.Get(ServiceMessages.FieldRepeated, language)];
            }
        }

        return errors.Count > 0 ? (null, new SubmitOutcome.Invalid(errors) { Language = language }) : (fields, null);
    }

    private static readonly string[] KnownFields =
    [
        TipFields.Text, TipFields.Kind, TipFields.Municipality, TipFields.Place, TipFields.ObservedAt, TipFields.ObservedDate,
        TipFields.ObservedTime, TipFields.Contact, TipFields.Consent, TipFields.Notify, TipFields.Language, TipFields.Honeypot, TipFields.Source,
    ];

    private static string? KnownField(string key) => KnownFields.FirstOrDefault(f => f.Equals(key, StringComparison.OrdinalIgnoreCase));

    private static SubmitOutcome.Invalid Malformed(string message, Language language) =>
        new(new Dictionary<string, string[]> { [TipFields.Body] = [TipMessages.Get(message, language)] }) { Language = language };
}
