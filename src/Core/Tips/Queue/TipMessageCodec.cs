using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Tips.Queue;

/// <summary>Writes and reads <see cref="TipMessage"/> as queue message text.</summary>
public static class TipMessageCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Encode(TipMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Reads a message, or throws <see cref="UnreadableTipMessageException"/> saying why (never quoting the content).</summary>
    public static TipMessage Decode(string messageText)
    {
        var version = ReadVersion(messageText);
        if (version != TipMessage.CurrentVersion)
        {
            throw new UnreadableTipMessageException($"version {version} is not one this release reads ({TipMessage.CurrentVersion})");
        }

        var message = Deserialize(messageText);
        if (!TipReference.TryParse(message.Reference, out var reference) || reference.Value != message.Reference
            || string.IsNullOrWhiteSpace(message.Text) || string.IsNullOrWhiteSpace(message.Municipality))
        {
            throw new UnreadableTipMessageException("the reference, text or municipality is missing or malformed");
        }

        return message;
    }

    /// <summary>The version is read on its own first, so a future shape is refused for what it is, not as a type error.</summary>
    private static int ReadVersion(string messageText)
    {
        try
        {
            using var document = JsonDocument.Parse(messageText);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("v", out var v)
                && v.ValueKind == JsonValueKind.Number
                && v.TryGetInt32(out var version)
                ? version
                : throw new UnreadableTipMessageException("the message has no version field 'v'");
        }
        catch (JsonException)
        {
            throw new UnreadableTipMessageException("the message is not valid JSON");
        }
    }

    private static TipMessage Deserialize(string messageText)
    {
        try
        {
            return JsonSerializer.Deserialize<TipMessage>(messageText, Options)
                ?? throw new UnreadableTipMessageException("the message is empty");
        }
        catch (JsonException e)
        {
            // The exception's message names the path, not the value: safe to pass on.
            throw new UnreadableTipMessageException($"a field is missing or of the wrong type at {e.Path ?? "$"}");
        }
    }
}
