namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Section <c>Digest:Smtp</c>. The password is a secret: it is never logged or echoed in a validation message.</summary>
public sealed class DigestSmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 for STARTTLS (the submission port), 465 for <see cref="SmtpSecurity.SslOnConnect"/>.</summary>
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// Allows an unencrypted connection when the server offers no STARTTLS: only for a relay on the same host or
    /// network (<c>Digest:Smtp:AllowPlainText</c>). Without it a server without TLS is refused.
    /// </summary>
    public bool AllowPlainText { get; set; }

    /// <summary>Optional: authenticate when both the user name and the password are set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>How the SMTP connection is encrypted.</summary>
public enum SmtpSecurity
{
    /// <summary>Connect in plain text, then upgrade with STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    SslOnConnect,
}
