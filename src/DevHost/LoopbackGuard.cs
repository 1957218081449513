using System.Net;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// The DevHost enforces no function keys and has no sign-in: bound beyond loopback it would expose the staff API to
/// the network. It refuses to start on any other address unless <c>DevHost:AllowNonLoopback</c> is true.
/// </summary>
internal static class LoopbackGuard
{
    public const string AllowSetting = "DevHost:AllowNonLoopback";

    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetValue<bool>(AllowSetting))
        {
            return;
        }

        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls.Where(u => !IsLoopback(u)))
        {
            throw new NotLoopbackException(
                $"The DevHost listens on loopback only, and '{url}' is not: it has no sign-in and no function keys. " +
                $"Use http://127.0.0.1:<port>, or set {AllowSetting}=true if you really mean it.");
        }
    }

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>An address beyond loopback without <see cref="AllowSetting"/>: a setting to fix, not a fault.</summary>
    public sealed class NotLoopbackException(string message) : InvalidOperationException(message);
}
