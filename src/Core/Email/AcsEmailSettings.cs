namespace Grastorp.Intake.Core.Email;

/// <summary>
/// Section <c>Acs</c>: the Communication Services resource the digest's <c>acs</c> transport sends through. The
/// credential is built from the same section by Microsoft.Extensions.Azure, as storage's is: <c>Acs__credential</c> =
/// <c>managedidentity</c> with <c>Acs__clientId</c> for a user-assigned identity; without them <c>DefaultAzureCredential</c>.
/// </summary>
public sealed class AcsEmailSettings
{
    public const string SectionName = "Acs";

    /// <summary><c>https://&lt;resource&gt;.communication.azure.com</c> (<c>Acs__Endpoint</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>managedidentity</c>, or empty for <c>DefaultAzureCredential</c> (read by the credential factory).</summary>
    public string? Credential { get; set; }

    /// <summary>The client id of the user-assigned managed identity (read by the credential factory).</summary>
    public string? ClientId { get; set; }
}
