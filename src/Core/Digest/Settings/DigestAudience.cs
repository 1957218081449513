namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>
/// Whose mailbox a recipient list is (<c>Digest:Recipients:N:Audience</c>), named after the staff role that reads
/// the same things in the staff area. The default is the municipality's: a list must be marked as the police's to
/// get what residents wrote, because the form promises that the contact is for the kommunpolis only.
/// </summary>
public enum DigestAudience
{
    /// <summary>Municipality staff: what the <c>Kommun</c> role may see, counts and links, no tip text, place or contact.</summary>
    Kommun,

    /// <summary>The kommunpolis: tips with their text, place and the resident's contact, as the <c>Kommunpolis</c> role reads them.</summary>
    Kommunpolis,
}
