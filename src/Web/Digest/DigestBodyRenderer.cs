using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Presentation;
using Grastorp.Intake.Web.Rendering;

namespace Grastorp.Intake.Web.Digest;

/// <summary>Core's <see cref="IDigestBodyRenderer"/>: the digest's HTML part from <see cref="DigestEmail"/>, every value HTML-encoded.</summary>
internal sealed class DigestBodyRenderer(ComponentRenderer components) : IDigestBodyRenderer
{
    public async Task<string> RenderHtmlAsync(DigestView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        cancellationToken.ThrowIfCancellationRequested();
        return await components.RenderAsync<DigestEmail>(new Dictionary<string, object?> { [nameof(DigestEmail.View)] = view }).ConfigureAwait(false);
    }
}
