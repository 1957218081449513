namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>How a digest leaves the system (<c>Digest:Transport</c>).</summary>
public enum DigestTransport
{
    /// <summary>An .eml file in <see cref="DigestOptions.PickupDirectory"/>: needs no mail server, the local default.</summary>
    Pickup,

    /// <summary>SMTP via MailKit: a municipality's relay, or ACS's SMTP endpoint.</summary>
    Smtp,

    /// <summary>Azure Communication Services Email over its REST API, with the app's managed identity.</summary>
    Acs,
}
