using System.Text;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Intake;

namespace Grastorp.Intake.Core.Tests.Tips.Intake;

public class TipRequestReaderTests
{
    private const string JsonType = "application/json";
    private const string FormType = "application/x-www-form-urlencoded";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TipRequest Request(string? contentType, byte[] body, bool chunked = false) =>
        new(contentType, chunked ? null : body.Length, new MemoryStream(body));

    private static TipRequest Request(string? contentType, string body, bool chunked = false) =>
        Request(contentType, Encoding.UTF8.GetBytes(body), chunked);

    private static async Task<IReadOnlyDictionary<string, string?>> FieldsOf(TipRequest request)
    {
        var (fields, refusal) = await TipRequestReader.ReadAsync(request, Token);
        Assert.Null(refusal);
        Assert.NotNull(fields);
        return fields;
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsOf(TipRequest request)
    {
        var (fields, refusal) = await TipRequestReader.ReadAsync(request, Token);
        Assert.Null(fields);
        return Assert.IsType<SubmitOutcome.Invalid>(refusal).Errors;
    }

    private static async Task<SubmitOutcome?> RefusalOf(TipRequest request)
    {
        var (fields, refusal) = await TipRequestReader.ReadAsync(request, Token);
        Assert.Null(fields);
        return refusal;
    }

    [Fact]
    public async Task Json_and_form_bodies_give_the_same_fields()
    {
        const string Json = """
            {"text":"Det luktar rök vid skolan & kiosken","kind":"idea","municipality":"Vara","place":"Torget 1",
             "observedAt":"2026-11-19T18:30","contact":"070-123 45 67","consent":"on"}
            """;
        var form = string.Join('&',
            "text=" + Uri.EscapeDataString("Det luktar rök vid skolan & kiosken"),
            "kind=idea",
            "municipality=Vara",
            "place=Torget+1",
            "observedAt=" + Uri.EscapeDataString("2026-11-19T18:30"),
            "contact=" + Uri.EscapeDataString("070-123 45 67"),
            "consent=on");

        var fromJson = await FieldsOf(Request(JsonType, Json));
        var fromForm = await FieldsOf(Request(FormType, form));

        Assert.Equal(7, fromJson.Count);
        Assert.Equal(fromJson.OrderBy(f => f.Key, StringComparer.Ordinal), fromForm.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal("Det luktar rök vid skolan & kiosken", fromForm[TipFields.Text]);
        Assert.Equal("Torget 1", fromForm[TipFields.Place]);
    }

    [Fact]
    public async Task Json_booleans_and_nulls_become_text_the_validator_reads()
    {
        var fields = await FieldsOf(Request(JsonType, """{"text":"Ett tips om trafiken","consent":true,"kind":null}"""));
        Assert.Equal("true", fields[TipFields.Consent]);
        Assert.Null(fields[TipFields.Kind]);
    }

    [Fact]
    public async Task A_json_number_is_not_text_and_is_refused_naming_the_field()
    {
        var (_, refusal) = await TipRequestReader.ReadAsync(Request(JsonType, """{"text":"Ett tips om trafiken","place":12}"""), TestContext.Current.CancellationToken);

        Assert.Equal([TipFields.Place], Assert.IsType<SubmitOutcome.Invalid>(refusal).Errors.Keys);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("Application/JSON")]
    public async Task Json_with_a_utf8_charset_or_none_is_read(string contentType)
    {
        var fields = await FieldsOf(Request(contentType, """{"text":"Hej från Grästorp"}"""));
        Assert.Equal("Hej från Grästorp", fields[TipFields.Text]);
    }

    [Fact]
    public async Task A_json_body_starting_with_a_byte_order_mark_is_read()
    {
        // RFC 8259 section 8.1 lets a parser ignore a BOM; some clients (PowerShell, Notepad-saved files) send one.
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"text":"Hej från Grästorp"}""")];
        var fields = await FieldsOf(Request(JsonType, body));
        Assert.Equal("Hej från Grästorp", fields[TipFields.Text]);
    }

    [Fact]
    public async Task A_form_post_with_a_utf8_charset_is_read()
    {
        var fields = await FieldsOf(Request(FormType + "; charset=UTF-8", "text=" + Uri.EscapeDataString("Grästorp är fint")));
        Assert.Equal("Grästorp är fint", fields[TipFields.Text]);
    }

    [Fact]
    public async Task The_longest_tip_a_resident_can_write_fits_even_as_a_percent_encoded_form_post()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F6A8", TipLimits.MaxTextLength));
        var letters = new string('ä', TipLimits.MaxPlaceLength);
        var form = string.Join('&',
            "text=" + Uri.EscapeDataString(emoji),
            "kind=tip",
            "municipality=Vara",
            "place=" + Uri.EscapeDataString(letters),
            "contact=" + Uri.EscapeDataString(new string('ö', TipLimits.MaxContactLength)),
            "consent=on");

        var fields = await FieldsOf(Request(FormType, form));

        Assert.Equal(emoji, fields[TipFields.Text]);
        Assert.Equal(letters, fields[TipFields.Place]);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading_the_body()
    {
        var request = new TipRequest(JsonType, TipLimits.MaxBodyBytes + 1, new UnreadableStream());
        Assert.IsType<SubmitOutcome.TooLarge>(await RefusalOf(request));
    }

    [Fact]
    public async Task A_huge_declared_length_is_refused_even_with_an_unsupported_type()
    {
        var request = new TipRequest("text/plain", long.MaxValue, new UnreadableStream());
        Assert.IsType<SubmitOutcome.TooLarge>(await RefusalOf(request));
    }

    [Fact]
    public async Task A_chunked_body_longer_than_the_limit_is_refused()
    {
        var body = "{\"text\":\"" + new string('a', TipLimits.MaxBodyBytes) + "\"}";
        Assert.IsType<SubmitOutcome.TooLarge>(await RefusalOf(Request(JsonType, body, chunked: true)));
    }

    [Fact]
    public async Task A_body_that_lies_about_its_length_is_still_cut_off_at_the_limit()
    {
        var body = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', TipLimits.MaxBodyBytes) + "\"}");
        Assert.IsType<SubmitOutcome.TooLarge>(await RefusalOf(new TipRequest(JsonType, 100, new MemoryStream(body))));
    }

    [Fact]
    public async Task An_endless_chunked_body_is_read_only_a_little_past_the_limit()
    {
        var endless = new EndlessStream();
        Assert.IsType<SubmitOutcome.TooLarge>(await RefusalOf(new TipRequest(JsonType, null, endless)));
        Assert.InRange(endless.BytesRead, TipLimits.MaxBodyBytes, 2 * TipLimits.MaxBodyBytes);
    }

    [Fact]
    public async Task A_chunked_body_of_exactly_the_limit_is_read()
    {
        const string Prefix = "{\"text\":\"";
        const string Suffix = "\"}";
        var body = Prefix + new string('a', TipLimits.MaxBodyBytes - Prefix.Length - Suffix.Length) + Suffix;
        Assert.Equal(TipLimits.MaxBodyBytes, Encoding.UTF8.GetByteCount(body));

        var fields = await FieldsOf(Request(JsonType, body, chunked: true));
        Assert.Equal(TipLimits.MaxBodyBytes - Prefix.Length - Suffix.Length, fields[TipFields.Text]!.Length);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/x-www-form-urlencoded; charset=iso-8859-1")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("not a media type")]
    public async Task A_body_that_is_not_utf8_json_or_form_is_unsupported_and_not_read(string? contentType)
    {
        var request = new TipRequest(contentType, 20, new UnreadableStream());
        Assert.IsType<SubmitOutcome.UnsupportedMediaType>(await RefusalOf(request));
    }

    [Theory]
    [InlineData("{\"text\":")]
    [InlineData("text=hej")]
    [InlineData("")]
    [InlineData("{\"text\":\"a\"} trailing")]
    public async Task Malformed_json_is_invalid_under_body(string json)
    {
        var errors = await ErrorsOf(Request(JsonType, json));
        Assert.Equal([TipFields.Body], errors.Keys);
    }

    [Theory]
    [InlineData("[{\"text\":\"Ett tips om trafiken\"}]")]
    [InlineData("\"Ett tips om trafiken\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_json_root_that_is_not_an_object_is_invalid_under_body(string json)
    {
        var errors = await ErrorsOf(Request(JsonType, json));
        Assert.Equal([TipFields.Body], errors.Keys);
    }

    [Fact]
    public async Task A_string_with_a_lone_surrogate_escape_is_invalid_under_body_rather_than_thrown()
    {
        var errors = await ErrorsOf(Request(JsonType, """{"text":"Det langas knark \ud800 vid skolan"}"""));
        Assert.Equal([TipFields.Body], errors.Keys);
    }

    [Fact]
    public async Task A_nested_object_or_array_is_invalid_naming_each_such_field()
    {
        var errors = await ErrorsOf(Request(JsonType, """{"text":{"value":"Ett tips"},"place":["a","b"],"kind":"idea"}"""));
        Assert.Equal(["place", "text"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(JsonType)]
    [InlineData(FormType)]
    public async Task A_body_that_is_not_valid_utf8_is_invalid_under_body(string contentType)
    {
        byte[] body = [.. Encoding.ASCII.GetBytes("{\"text\":\"Gr"), 0xE4, .. Encoding.ASCII.GetBytes("storp ligger bra\"}")];
        var errors = await ErrorsOf(Request(contentType, body));
        Assert.Equal([TipFields.Body], errors.Keys);
    }

    [Fact]
    public async Task A_cancelled_read_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var request = new TipRequest(JsonType, null, new EndlessStream());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TipRequestReader.ReadAsync(request, cancelled.Token));
    }

    /// <summary>A body the reader must not touch: any read fails the test.</summary>
    private sealed class UnreadableStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read.");

        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("The body was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body was read.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A chunked body that never ends, counting what was taken from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            buffer.Fill((byte)'a');
            BytesRead += buffer.Length;
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
