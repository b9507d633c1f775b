using System.Net;

namespace Fwk.Accounts.Tests.RateLimits;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Key_GroupsAnIPv6ClientBy64AndUnmapsIPv4(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.Key(IPAddress.Parse(address)));

    [Fact]
    public void Key_WithoutAnAddress_IsOnePartition() => Assert.Equal("unknown", ClientAddress.Key(null));
}
