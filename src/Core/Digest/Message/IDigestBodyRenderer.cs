using Grastorp.Intake.Core.Digest.Presentation;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// Renders the HTML part of a digest. Implemented with Razor components in src/Web (registered by
/// <c>AddIntakeWeb</c>), which Core cannot reference; every value of the view must be HTML-encoded.
/// </summary>
public interface IDigestBodyRenderer
{
    /// <summary>A complete HTML document (<c>&lt;!DOCTYPE html&gt;</c>, <c>lang="sv"</c>, inline CSS only).</summary>
    Task<string> RenderHtmlAsync(DigestView view, CancellationToken cancellationToken);
}
