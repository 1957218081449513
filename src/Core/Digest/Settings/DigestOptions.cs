using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Configuration section <c>Digest</c>.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>The app setting the timer's UTC schedule comes from (<c>%DIGEST_SCHEDULE%</c> in the trigger).</summary>
    public const string ScheduleSetting = "DIGEST_SCHEDULE";

    /// <summary>The recipient lists (<c>Digest:Recipients:0:Id</c>, <c>…:Addresses:0</c>, <c>…:Municipalities:0</c>).</summary>
    [MinLength(1, ErrorMessage = "Digest:Recipients needs at least one recipient list (Digest:Recipients:0:Id and Digest:Recipients:0:Addresses:0).")]
    public List<DigestRecipientList> Recipients { get; set; } = [];

    /// <summary>The Swedish local time on Monday from which last week's digest is due (<c>Digest:DueAt</c>).</summary>
    public TimeOnly DueAt { get; set; } = new(7, 0);

    /// <summary>The sender address (<c>Digest:From</c>); with ACS, an address of a domain linked to the resource.</summary>
    [Required(ErrorMessage = "Digest:From is required: the address the digest is sent from.")]
    public string From { get; set; } = "noreply@grastorp-intake.example";

    /// <summary>
    /// How the digest leaves (<c>Digest:Transport</c>): a pickup folder unless configured otherwise. The acs transport
    /// reads its resource from section <c>Acs</c> (<see cref="Email.AcsEmailSettings"/>).
    /// </summary>
    public DigestTransport Transport { get; set; } = DigestTransport.Pickup;

    /// <summary>Where the pickup-folder sender writes digests as .eml files (<c>Digest:PickupDirectory</c>).</summary>
    public string PickupDirectory { get; set; } = ".digests";

    /// <summary>
    /// How long a claimed but unconfirmed digest blocks others (<c>Digest:ClaimTimeout</c>). After it, an instance
    /// that died mid-send no longer stops the next firing from sending.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many weeks before the due week a firing looks back for digests never sent (<c>Digest:CatchUpWeeks</c>);
    /// they go out late, oldest first. 0 sends only the due week.
    /// </summary>
    [Range(0, 12, ErrorMessage = "Digest:CatchUpWeeks must be between 0 and 12.")]
    public int CatchUpWeeks { get; set; } = 4;

    /// <summary>At most this many tips are listed under one theme (<c>Digest:TipsPerTheme</c>); the rest are a link away.</summary>
    [Range(1, 200, ErrorMessage = "Digest:TipsPerTheme must be between 1 and 200.")]
    public int TipsPerTheme { get; set; } = 25;

    /// <summary>A tip's text is cut after about this many characters (<c>Digest:TextLength</c>), with a link to the whole tip.</summary>
    [Range(100, 4000, ErrorMessage = "Digest:TextLength must be between 100 and 4000.")]
    public int TextLength { get; set; } = 600;

    /// <summary>SMTP settings (<c>Digest:Smtp:*</c>), used when <see cref="Transport"/> is <c>smtp</c>.</summary>
    public DigestSmtpOptions Smtp { get; set; } = new();

    /// <summary>Retries and time limits for every transport (<c>Digest:Delivery:*</c>).</summary>
    public DigestDeliveryOptions Delivery { get; set; } = new();
}
