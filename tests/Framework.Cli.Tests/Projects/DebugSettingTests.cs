namespace Fwk.Cli.Tests;

/// <summary>How <c>fwk run</c> reads <c>[environment] debug</c> to decide whether to watch by default.</summary>
public sealed class DebugSettingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fwk-debug-").FullName;

    [Theory]
    [InlineData("[environment]\ndebug = true\n", true)]
    [InlineData("[environment]\nname = dev\nDebug = \"yes\" \n", true)]
    [InlineData("[environment]\ndebug = false\n", false)]
    [InlineData("[environment]\n; debug = true\n", false)]
    [InlineData("[other]\ndebug = true\n", false)]
    [InlineData("[environment]\ndebug = true\n[environment]\ndebug = off\n", false)]
    public void IsOn_WhenConfigIniSaysSo_FollowsIt(string configIni, bool expected)
    {
        File.WriteAllText(Path.Combine(_directory, "config.ini"), configIni);

        Assert.Equal(expected, DebugSetting.IsOn(_directory));
    }

    [Fact]
    public void IsOn_WhenNoConfigIni_IsFalse()
    {
        Assert.False(DebugSetting.IsOn(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
