using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Digest;

/// <summary>Configuration section <c>Digest</c>.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>The recipient lists (<c>Digest:Recipients:0:Id</c>, <c>…:Addresses:0</c>, <c>…:Municipalities:0</c>).</summary>
    [MinLength(1, ErrorMessage = "Digest:Recipients needs at least one recipient list (Digest:Recipients:0:Id and Digest:Recipients:0:Addresses:0).")]
    public List<DigestRecipientList> Recipients { get; set; } = [];

    /// <summary>The Swedish local time on Monday from which last week's digest is due (<c>Digest:DueAt</c>).</summary>
    public TimeOnly DueAt { get; set; } = new(7, 0);

    /// <summary>The sender address (<c>Digest:From</c>).</summary>
    [Required(ErrorMessage = "Digest:From is required: the address the digest is sent from.")]
    public string From { get; set; } = "noreply@grastorp-intake.example";

    /// <summary>Where the pickup-folder sender writes digests as .eml files (<c>Digest:PickupDirectory</c>).</summary>
    public string PickupDirectory { get; set; } = ".digests";

    /// <summary>
    /// How long a claimed but unconfirmed digest blocks others (<c>Digest:ClaimTimeout</c>). After it, an instance
    /// that died mid-send no longer stops the next firing from sending.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
