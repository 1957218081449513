namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>
/// Section <c>Digest:Acs</c>: the Communication Services endpoint. The credential is read from the same section by
/// Microsoft.Extensions.Azure (<c>Digest:Acs:credential=managedidentity</c> and <c>Digest:Acs:clientId</c> for a
/// user-assigned identity; otherwise <c>DefaultAzureCredential</c>), as storage does.
/// </summary>
public sealed class DigestAcsOptions
{
    public const string SectionName = DigestOptions.SectionName + ":Acs";

    /// <summary><c>https://&lt;resource&gt;.communication.azure.com</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity (read by the credential factory, shown here for validation).</summary>
    public string? ClientId { get; set; }
}
