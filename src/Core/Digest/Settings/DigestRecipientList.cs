namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Who gets one digest, and which municipalities it covers (empty: all of them).</summary>
public sealed class DigestRecipientList
{
    /// <summary>Names the list in the sent-digest record, e.g. <c>kommunpolis</c>.</summary>
    public string Id { get; set; } = string.Empty;

    public List<string> Addresses { get; set; } = [];

    public List<string> Municipalities { get; set; } = [];

    /// <summary>
    /// Counts and links only, no tip text, place or contact in the e-mail (<c>…:CountsOnly</c>): for recipients whose
    /// mail is not trusted with what residents wrote.
    /// </summary>
    public bool CountsOnly { get; set; }
}
