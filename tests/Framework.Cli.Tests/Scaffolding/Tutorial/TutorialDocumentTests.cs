using Fwk.Cli.Tests.Infrastructure;

namespace Fwk.Cli.Tests.Tutorial;

/// <summary>How README's Tutorial is read and applied, without running it (<see cref="TutorialTests"/> runs it).</summary>
public sealed class TutorialDocumentTests
{
    [Fact]
    public async Task Read_Readme_FindsItsCommandsAndEditsInOrder()
    {
        var steps = TutorialDocument.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md")));

        var lines = steps.OfType<TutorialCommand>().Select(c => c.Line).ToList();
        Assert.StartsWith("fwk create_project --name Garage", lines[0], StringComparison.Ordinal);
        Assert.Contains("fwk run", lines);
        Assert.True(lines.IndexOf("fwk run") < lines.FindIndex(l => l.StartsWith("curl ", StringComparison.Ordinal)), "curl before fwk run");
        Assert.Contains(steps.OfType<TutorialEdit>(), e => e.Path == "Cars/CarsApp.cs");
    }

    [Fact]
    public void Read_ConsoleBlock_SplitsCommandsAndTheirOutput()
    {
        var steps = TutorialDocument.Read("## Tutorial\n<!-- tutorial -->\n```console\n$ fwk a -m \"b c\"\nout 1\n…\n$ cd X\n```\n## Next\n<!-- tutorial -->\n```console\n$ ignored\n```\n");

        var commands = steps.Cast<TutorialCommand>().ToList();
        Assert.Equal(["fwk a -m \"b c\"", "cd X"], commands.Select(c => c.Line));
        Assert.Equal(["out 1|…", ""], commands.Select(c => string.Join("|", c.Output)));
        Assert.Equal(["fwk", "a", "-m", "b c"], commands[0].Words);
        Assert.Equal(["out 1"], commands[0].ExpectedLines);
    }

    [Fact]
    public void Read_MarkerWithoutItsBlock_Throws()
    {
        Assert.Throws<FormatException>(() => TutorialDocument.Read("## Tutorial\n<!-- tutorial: edit A.cs -->\n```console\n$ x\n```\n"));
    }

    [Fact]
    public void Apply_Hunks_ReplacesEachHunksOldLines()
    {
        const string Text = "using A;\n\nclass C\n{\n    int X;\n}\n";

        // An empty diff line is a blank context line (editors strip the space).
        var edited = DiffHunks.Apply(Text, [" using A;", "+using B;", "", "@@", "-    int X;", "+    int Y;", "+    int Z;", " }"]);

        Assert.Equal("using A;\nusing B;\n\nclass C\n{\n    int Y;\n    int Z;\n}\n", edited);
    }

    [Fact]
    public void Apply_WhenOldLinesMissing_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => DiffHunks.Apply("class C { }\n", [" class D { }", "+// added"]));
    }

    [Theory]
    [InlineData("default: wrote Migrations/20261203183343_Initial.cs, …", true)]
    [InlineData("Passed!  - Failed:     0, Passed:    24, …", true)]
    [InlineData("Passed!  - Failed:     0, Passed:    25, …", false)]
    [InlineData("  ItemsApp: items: create table (id, name)", false)]
    public void Contains_ShownLine_MatchesTimestampsAndCutEnds(string shown, bool expected)
    {
        const string Printed = "default: wrote Migrations/20990101000000_Initial.cs, Migrations/x\n  ItemsApp: items: create table (id, name, description)\n"
            + "Passed!  - Failed:     0, Passed:    24, Skipped:     0, Total:    24, Duration: 3 s\n";

        Assert.Equal(expected, OutputLines.Contains(Printed, shown));
    }
}
