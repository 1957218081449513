using System.Text;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Presentation;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// Renders a composed digest into a <see cref="DigestMessage"/>. Gmail clips an HTML part past about 102 KB, so a
/// week that would exceed <see cref="MaxHtmlBytes"/> is rendered again with shorter texts, then fewer tips per
/// theme; every tip left out is still a link away.
/// </summary>
public sealed class DigestMessageFactory(DigestViewBuilder views, IDigestBodyRenderer renderer, IOptions<DigestOptions> options, TimeProvider time)
{
    public const int MaxHtmlBytes = 100_000;
    private const int MinTextLength = 150;
    private const int ShrinkSteps = 8;

    public async Task<DigestMessage> CreateAsync(WeeklyDigest digest, int resend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var settings = options.Value;
        var (perTheme, textLength) = (settings.TipsPerTheme, settings.TextLength);
        DigestView view;
        string html;
        var step = 0;
        while (true)
        {
            view = views.Build(digest, perTheme, textLength);
            html = await renderer.RenderHtmlAsync(view, cancellationToken).ConfigureAwait(false);
            if (Encoding.UTF8.GetByteCount(html) <= MaxHtmlBytes || ++step > ShrinkSteps || (perTheme == 1 && textLength == MinTextLength))
            {
                break;
            }

            // Texts first (the link shows the whole tip), then the number of tips.
            if (textLength > MinTextLength)
            {
                textLength = Math.Max(MinTextLength, textLength / 2);
            }
            else
            {
                perTheme = Math.Max(1, perTheme / 2);
            }
        }

        var list = digest.Recipients;
        return new DigestMessage(
            DigestFileName.For(digest.Week, list.Id, resend),
            DigestOperationId.For(digest.Week, list.Id, resend),
            time.GetUtcNow(),
            settings.From,
            [.. list.Addresses],
            view.Subject,
            DigestPlainText.Render(view),
            html);
    }
}
