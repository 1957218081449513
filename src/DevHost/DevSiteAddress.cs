namespace Grastorp.Intake.DevHost;

/// <summary>
/// The DevHost's own links (the digest's, the feed's) point where it really listens: <c>Site:BaseUrl</c> follows
/// <c>--urls</c> (the first address) unless it is set on its own, so <c>./run.sh --urls http://127.0.0.1:8080</c>
/// does not send the kommunpolis to :7071.
/// </summary>
internal static class DevSiteAddress
{
    public const string BaseUrlSetting = "Site:BaseUrl";

    public static void FollowListeningAddress(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrEmpty(configuration[BaseUrlSetting]))
        {
            return;
        }

        var first = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null && Uri.TryCreate(first, UriKind.Absolute, out var url) && url.Port != 0)
        {
            configuration[BaseUrlSetting] = url.GetLeftPart(UriPartial.Authority);
        }
    }
}
