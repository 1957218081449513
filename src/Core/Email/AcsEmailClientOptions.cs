using Azure.Core;

namespace Grastorp.Intake.Core.Email;

/// <summary>
/// Options for <see cref="AcsEmailClient"/>, shaped like the SDK's <c>EmailClientOptions</c>. Azure.Core's own retry
/// is off (<c>Retry.MaxRetries = 0</c>): retries live in the digest's one Polly pipeline, so attempts never multiply.
/// </summary>
public class AcsEmailClientOptions : ClientOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V2023_03_31;

    public AcsEmailClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V2023_03_31 => "2023-03-31",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown ACS Email service version."),
        };
        Retry.MaxRetries = 0;
    }

    /// <summary>The REST API versions this client speaks.</summary>
#pragma warning disable CA1707 // The SDK names service versions V2023_03_31; keeping its shape makes the swap a rename.
    public enum ServiceVersion
    {
        /// <summary>The first stable version (<c>api-version=2023-03-31</c>).</summary>
        V2023_03_31 = 1,
    }
#pragma warning restore CA1707

    internal string Version { get; }
}
