using System.Net;
using System.Net.Sockets;

namespace Fwk.Accounts;

/// <summary>The partition of a client address: an IPv4 address, or the /64 of an IPv6 one (one client usually holds a whole /64).</summary>
internal static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var prefix = address.GetAddressBytes();
        Array.Clear(prefix, 8, 8);
        return $"{new IPAddress(prefix)}/64";
    }
}
