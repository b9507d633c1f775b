namespace Fwk.Cli.Tests;

public sealed class ConfigIniEditorTests
{
    [Fact]
    public void Activate_WhenActiveLineExists_AppendsAndKeepsTheRest()
    {
        const string before = "; comment\n[environment]\nname = production\n\n[apps]\nactive = Shop.Hello\n\n[database]\nname = shop\n";
        var after = ConfigIniEditor.Activate(before, "Shop.Blog");

        Assert.Equal(before.Replace("active = Shop.Hello\n", "active = Shop.Hello, Shop.Blog\n", StringComparison.Ordinal), after);
    }

    [Fact]
    public void Activate_WhenFileUsesCrlf_KeepsLineEndings()
    {
        const string before = "[apps]\r\nactive = A.B   \r\n[x]\r\nk = v";
        Assert.Equal("[apps]\r\nactive = A.B, A.C   \r\n[x]\r\nk = v", ConfigIniEditor.Activate(before, "A.C"));
    }

    [Fact]
    public void Activate_WhenActiveLineEmpty_FillsIt()
    {
        Assert.Equal("[apps]\nactive = A.B\n", ConfigIniEditor.Activate("[apps]\nactive =\n", "A.B"));
    }

    [Fact]
    public void Activate_WhenActiveLineMissing_AddsItAfterSection()
    {
        const string before = "[apps]\n; which apps\n[database]\nhost = local\n";
        Assert.Equal("[apps]\nactive = A.B\n; which apps\n[database]\nhost = local\n", ConfigIniEditor.Activate(before, "A.B"));
    }

    [Fact]
    public void Activate_WhenOtherSectionHasActiveKey_IgnoresIt()
    {
        const string before = "[other]\nactive = x\n[apps]\n";
        Assert.Equal("[other]\nactive = x\n[apps]\nactive = A.B\n", ConfigIniEditor.Activate(before, "A.B"));
    }

    [Theory]
    [InlineData("", "[apps]\nactive = A.B\n")]
    [InlineData("[database]\nhost = local\n", "[database]\nhost = local\n\n[apps]\nactive = A.B\n")]
    [InlineData("[database]\nhost = local", "[database]\nhost = local\n\n[apps]\nactive = A.B\n")]
    public void Activate_WhenSectionMissing_CreatesIt(string before, string expected)
    {
        Assert.Equal(expected, ConfigIniEditor.Activate(before, "A.B"));
    }

    [Fact]
    public void Activate_WhenAppAlreadyActive_LeavesFileAlone()
    {
        const string before = "[APPS]\nActive = A.B, a.c\n";
        Assert.Same(before, ConfigIniEditor.Activate(before, "A.C"));
    }
}
