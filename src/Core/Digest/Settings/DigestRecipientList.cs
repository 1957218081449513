namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Who gets one digest, and which municipalities it covers (empty: all of them).</summary>
public sealed class DigestRecipientList
{
    /// <summary>Names the list in the sent-digest record, e.g. <c>kommunpolis</c>.</summary>
    public string Id { get; set; } = string.Empty;

    public List<string> Addresses { get; set; } = [];

    public List<string> Municipalities { get; set; } = [];

    /// <summary>
    /// Whose mailbox this is (<c>…:Audience</c>): <see cref="DigestAudience.Kommun"/> unless set, so a list left
    /// unmarked gets counts and links only, never what residents wrote or their contact.
    /// </summary>
    public DigestAudience Audience { get; set; } = DigestAudience.Kommun;

    /// <summary>Counts and links only: every list that is not the kommunpolis's.</summary>
    public bool CountsOnly => Audience != DigestAudience.Kommunpolis;
}
