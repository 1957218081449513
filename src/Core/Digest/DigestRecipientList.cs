namespace Grastorp.Intake.Core.Digest;

/// <summary>Who gets one digest, and which municipalities it covers (empty: all of them).</summary>
public sealed class DigestRecipientList
{
    /// <summary>Names the list in the sent-digest record, e.g. <c>kommunpolis</c>.</summary>
    public string Id { get; set; } = string.Empty;

    public List<string> Addresses { get; set; } = [];

    public List<string> Municipalities { get; set; } = [];
}
