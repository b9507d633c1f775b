namespace Fwk.Cli.Tests;

public sealed class ConfigIniEditorTests
{
    [Fact]
    public void Appends_to_the_active_line_and_keeps_everything_else()
    {
        const string before = "; comment\n[environment]\nname = production\n\n[apps]\nactive = Shop.Hello\n\n[database]\nname = shop\n";
        var after = ConfigIniEditor.Activate(before, "Shop.Blog");

        Assert.Equal(before.Replace("active = Shop.Hello\n", "active = Shop.Hello, Shop.Blog\n", StringComparison.Ordinal), after);
    }

    [Fact]
    public void Keeps_crlf_line_endings_and_trailing_spaces_out_of_the_value()
    {
        const string before = "[apps]\r\nactive = A.B   \r\n[x]\r\nk = v";
        Assert.Equal("[apps]\r\nactive = A.B, A.C   \r\n[x]\r\nk = v", ConfigIniEditor.Activate(before, "A.C"));
    }

    [Fact]
    public void Fills_an_empty_active_line()
    {
        Assert.Equal("[apps]\nactive = A.B\n", ConfigIniEditor.Activate("[apps]\nactive =\n", "A.B"));
    }

    [Fact]
    public void Creates_the_line_right_after_the_section_when_missing()
    {
        const string before = "[apps]\n; which apps\n[database]\nhost = local\n";
        Assert.Equal("[apps]\nactive = A.B\n; which apps\n[database]\nhost = local\n", ConfigIniEditor.Activate(before, "A.B"));
    }

    [Fact]
    public void Ignores_an_active_key_of_another_section()
    {
        const string before = "[other]\nactive = x\n[apps]\n";
        Assert.Equal("[other]\nactive = x\n[apps]\nactive = A.B\n", ConfigIniEditor.Activate(before, "A.B"));
    }

    [Theory]
    [InlineData("", "[apps]\nactive = A.B\n")]
    [InlineData("[database]\nhost = local\n", "[database]\nhost = local\n\n[apps]\nactive = A.B\n")]
    [InlineData("[database]\nhost = local", "[database]\nhost = local\n\n[apps]\nactive = A.B\n")]
    public void Creates_the_section_when_missing(string before, string expected)
    {
        Assert.Equal(expected, ConfigIniEditor.Activate(before, "A.B"));
    }

    [Fact]
    public void Leaves_an_already_active_app_alone()
    {
        const string before = "[APPS]\nActive = A.B, a.c\n";
        Assert.Same(before, ConfigIniEditor.Activate(before, "A.C"));
    }
}
