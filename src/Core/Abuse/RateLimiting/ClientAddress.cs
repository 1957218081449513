using System.Net;
using System.Net.Sockets;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Which address a request comes from, for the rate limits only (it is hashed at once, never stored or logged).
/// Locally that is the connection's remote address, whatever headers say: anyone can send <c>X-Forwarded-For</c>.
/// In Azure every request reaches the app through the platform's front end, which adds the client's address to
/// <c>X-Forwarded-For</c> (as <c>ip:port</c>); the entries to its left are whatever the client sent, so the rightmost
/// public address is taken, never the first one a client could forge.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <param name="remoteAddress">The connection's remote address.</param>
    /// <param name="forwardedFor">The X-Forwarded-For header, all its values joined by commas.</param>
    /// <param name="behindFrontEnd">True only behind the platform's front end, which sets the header (<see cref="RateLimitOptions.BehindFrontEnd"/>).</param>
    /// <returns>The address in canonical form (an IPv6 address reduced to its /64), or null when none can be read.</returns>
    public static string? Resolve(string? remoteAddress, string? forwardedFor, bool behindFrontEnd)
    {
        if (behindFrontEnd && !string.IsNullOrWhiteSpace(forwardedFor))
        {
            var hops = forwardedFor.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (var i = hops.Length - 1; i >= 0; i--)
            {
                if (TryParse(hops[i], out var hop) && !IsPlatformInternal(hop))
                {
                    return Canonical(hop);
                }
            }
        }

        return TryParse(remoteAddress, out var remote) ? Canonical(remote) : null;
    }

    private static bool TryParse(string? value, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        // "1.2.3.4:5678", "[2001:db8::1]:5678" and bare addresses alike.
        if (IPEndPoint.TryParse(value.Trim(), out var endPoint))
        {
            address = endPoint.Address;
            return true;
        }

        return false;
    }

    /// <summary>The platform's own hops (its proxies talk over private and loopback addresses).</summary>
    private static bool IsPlatformInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
    }

    /// <summary>One household or phone gets a whole IPv6 /64 and may rotate within it: the /64 is the client.</summary>
    private static string Canonical(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
