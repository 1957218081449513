using System.Text;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Grastorp.Intake.Core.Tests.Digest.Message;

/// <summary>The message as it leaves: both parts from the real Razor renderer, MIME prepared by MimeKit.</summary>
public sealed class DigestMessageTests : IDisposable
{
    private readonly ServiceProvider _web = new ServiceCollection().AddLogging().AddIntakeWeb().BuildServiceProvider();

    private DigestMessageFactory Factory(DigestOptions? options = null) => new(
        DigestSamples.ViewBuilder(),
        _web.GetRequiredService<IDigestBodyRenderer>(),
        Options.Create(options ?? new DigestOptions { From = "tips@grastorp-intake.example" }),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_message_is_multipart_alternative_text_then_html_with_encodings_mimekit_chose()
    {
        var message = await Factory().CreateAsync(DigestSamples.Week48(), resend: 0, Token);
        using var mime = message.ToMime();
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, Token);
        var raw = bytes.ToArray();

        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative.OfType<TextPart>(), part =>
        {
            Assert.Contains(part.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 });
            Assert.Equal("utf-8", part.ContentType.Charset);
        });
        Assert.All(raw, b => Assert.True(b < 128, "7-bit only"));
        var lines = Encoding.ASCII.GetString(raw).Split("\r\n");
        Assert.All(lines, line => Assert.True(line.Length <= 78, $"line of {line.Length} octets"));
        Assert.DoesNotContain('\n', Encoding.ASCII.GetString(raw).Replace("\r\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Swedish_characters_survive_the_round_trip_in_subject_and_both_parts()
    {
        var message = await Factory().CreateAsync(DigestSamples.Week48(), resend: 0, Token);
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, Token);

        var header = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n\r\n")[0];
        var lines = header.Split("\r\n");
        var first = Array.FindIndex(lines, l => l.StartsWith("Subject: ", StringComparison.Ordinal));
        var subject = string.Concat(lines.Skip(first).TakeWhile((l, i) => i == 0 || l.StartsWith(' ') || l.StartsWith('\t')));
        Assert.Contains("=?utf-8?", subject, StringComparison.OrdinalIgnoreCase);
        bytes.Position = 0;
        using var read = await MimeMessage.LoadAsync(bytes, Token);
        Assert.Equal("Trygghetstips v. 48 (23–29 nov): 6 nya – Grästorp 3, Vara 2, Essunga 1", read.Subject);
        Assert.Contains("Inbrott och stöld", read.TextBody, StringComparison.Ordinal);
        Assert.Contains("Inbrott och stöld", read.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Allégatan 3, Vara", read.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_part_is_a_phone_and_outlook_friendly_document_with_nothing_external()
    {
        var html = (await Factory().CreateAsync(DigestSamples.Week48(), resend: 0, Token)).Html;

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("role=\"presentation\"", html, StringComparison.Ordinal);
        Assert.Contains("max-width:600px", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_tip_text_arrives_as_text_in_the_html_part()
    {
        var html = (await Factory().CreateAsync(DigestSamples.Week48(), resend: 0, Token)).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || c is '\u202E' or '\u202C');
        Assert.Contains("Plats: <span style=\"color:#111827;\">Storgatan 1 Kontakt (med samtycke): fake@example.se</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_long_tips_stays_under_100_kb_and_links_to_the_rest()
    {
        var flood = Enumerable.Range(0, 300)
            .Select(i => DigestSamples.Long with { Reference = $"FLOOD{i:D5}", Text = string.Concat(Enumerable.Repeat("Åtta öar i ån. ", 260)) })
            .ToList();
        var digest = DigestSamples.Week48() with
        {
            TipsByTheme = [new ThemeTips("drugs", flood, 0), new ThemeTips("traffic", flood, 0), new ThemeTips("burglary", flood, 0), new ThemeTips("other", flood, 0)],
            IdeasAndFeedback = flood,
            LateTips = flood,
        };

        var message = await Factory().CreateAsync(digest, resend: 0, Token);

        Assert.InRange(Encoding.UTF8.GetByteCount(message.Html), 20_000, DigestMessageFactory.MaxHtmlBytes);
        Assert.Contains("till visas i personalens tipslista", message.Html, StringComparison.Ordinal);
        Assert.Contains("Läs hela tipset", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resend_has_its_own_name_and_operation_id()
    {
        var first = await Factory().CreateAsync(DigestSamples.Week48(), resend: 0, Token);
        var resend = await Factory().CreateAsync(DigestSamples.Week48(), resend: 1, Token);

        Assert.Equal("digest-2026-W48-kommunpolis", first.Name);
        Assert.Equal("digest-2026-W48-kommunpolis-resend-1", resend.Name);
        Assert.NotEqual(first.OperationId, resend.OperationId);
        using var mime = first.ToMime();
        Assert.Equal($"{first.OperationId:D}@grastorp-intake", mime.MessageId);
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
    }

    public void Dispose() => _web.Dispose();
}
