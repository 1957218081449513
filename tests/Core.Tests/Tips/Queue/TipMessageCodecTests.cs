using System.Text.Json.Nodes;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;

namespace Grastorp.Intake.Core.Tests.Tips.Queue;

public class TipMessageCodecTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static TipMessage Message(string? contact = "070-123 45 67") => TipMessage.From(ReceivedTip.From(
        TipReference.New(),
        ReceivedAt,
        new TipContent(
            "Någon kör för fort på Storgatan.",
            TipKind.Idea,
            new Municipality("vara", "Vara"),
            "Storgatan 5",
            new DateTimeOffset(2026, 11, 19, 18, 30, 0, TimeSpan.FromHours(1)),
            contact)));

    private static JsonObject EncodedObject(TipMessage message) => JsonNode.Parse(TipMessageCodec.Encode(message))!.AsObject();

    private static string Without(TipMessage message, string property)
    {
        var json = EncodedObject(message);
        Assert.True(json.Remove(property));
        return json.ToJsonString();
    }

    private static string With(TipMessage message, string property, JsonNode? value)
    {
        var json = EncodedObject(message);
        json[property] = value;
        return json.ToJsonString();
    }

    [Fact]
    public void A_message_round_trips_unchanged()
    {
        var message = Message();
        Assert.Equal(message, TipMessageCodec.Decode(TipMessageCodec.Encode(message)));
    }

    [Fact]
    public void A_message_without_optional_fields_round_trips_unchanged()
    {
        var message = Message() with { Place = null, ObservedAt = null, Contact = null };
        Assert.Equal(message, TipMessageCodec.Decode(TipMessageCodec.Encode(message)));
    }

    [Fact]
    public void The_112_flag_goes_through_the_queue_and_a_message_from_before_it_reads_as_not_shown()
    {
        var message = Message() with { Emergency = true };
        var decoded = TipMessageCodec.Decode(TipMessageCodec.Encode(message));
        Assert.True(decoded.Emergency);
        Assert.True(decoded.ToReceivedTip().Emergency);
        Assert.True(EncodedObject(message)["emergency"]!.GetValue<bool>());
        Assert.False(TipMessageCodec.Decode(Without(message, "emergency")).Emergency);
    }

    [Fact]
    public void The_encoded_message_carries_version_one_and_the_kind_by_name()
    {
        var json = EncodedObject(Message());
        Assert.Equal(1, json["v"]!.GetValue<int>());
        Assert.Equal("idea", json["kind"]!.GetValue<string>());
        Assert.Equal("vara", json["municipality"]!.GetValue<string>());
    }

    [Fact]
    public void A_null_contact_is_left_out_of_the_message()
    {
        var json = EncodedObject(Message(contact: null));
        Assert.False(json.ContainsKey("contact"));
        Assert.True(EncodedObject(Message()).ContainsKey("contact"));
    }

    [Fact]
    public void Unknown_fields_from_a_newer_writer_are_ignored()
    {
        var message = Message();
        Assert.Equal(message, TipMessageCodec.Decode(With(message, "addedLater", "x")));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"v\":1,")]
    [InlineData("[1]")]
    [InlineData("1")]
    [InlineData("null")]
    public void Text_that_is_not_a_json_object_is_unreadable(string text)
    {
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(text));
    }

    [Fact]
    public void A_message_without_a_version_is_unreadable()
    {
        var error = Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(Without(Message(), "v")));
        Assert.Contains("'v'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_of_a_later_version_is_unreadable()
    {
        var error = Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(With(Message(), "v", 2)));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fractional_version_is_unreadable()
    {
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(With(Message(), "v", 1.5)));
    }

    [Fact]
    public void A_version_written_as_a_string_is_unreadable()
    {
        // Any other exception type would be retried by the queue trigger instead of going straight to poison.
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(With(Message(), "v", "1")));
    }

    [Fact]
    public void A_null_version_is_unreadable()
    {
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(With(Message(), "v", null)));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("reference")]
    [InlineData("municipality")]
    [InlineData("kind")]
    [InlineData("receivedAt")]
    public void A_message_missing_a_required_field_is_unreadable(string field)
    {
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(Without(Message(), field)));
    }

    [Theory]
    [InlineData("text", "   ")]
    [InlineData("municipality", "")]
    [InlineData("reference", "abcdefghjk")]
    [InlineData("reference", "ABCDE-FGHJK")]
    [InlineData("reference", "SHORT")]
    [InlineData("kind", "burglary")]
    [InlineData("receivedAt", "yesterday")]
    public void A_message_with_a_malformed_field_is_unreadable(string field, string value)
    {
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(With(Message(), field, value)));
    }

    [Fact]
    public void A_kind_written_as_a_number_is_unreadable()
    {
        Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(With(Message(), "kind", 1)));
    }

    [Fact]
    public void The_reason_a_message_is_unreadable_never_quotes_its_content()
    {
        const string Secret = "HEMLIGT7Q";
        var message = Message() with { Text = Secret + " såg något", Contact = Secret };
        var broken = With(message, "receivedAt", Secret);

        var error = Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(broken));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        var missingReference = Assert.Throws<UnreadableTipMessageException>(() => TipMessageCodec.Decode(Without(message, "reference")));
        Assert.DoesNotContain(Secret, missingReference.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decoded_message_is_what_was_written_field_by_field()
    {
        var message = Message();
        var decoded = TipMessageCodec.Decode(TipMessageCodec.Encode(message));
        Assert.Equal(message.Reference, decoded.Reference);
        Assert.Equal(ReceivedAt, decoded.ReceivedAt);
        Assert.Equal(message.ObservedAt, decoded.ObservedAt);
        Assert.Equal(TimeSpan.FromHours(1), decoded.ObservedAt!.Value.Offset);
        Assert.Equal("070-123 45 67", decoded.Contact);
        Assert.Equal(TipMessage.CurrentVersion, decoded.Version);
    }
}
