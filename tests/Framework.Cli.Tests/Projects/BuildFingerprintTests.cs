namespace Fwk.Cli.Tests;

/// <summary>
/// The fingerprint that lets a verb skip the build, on a throwaway tree: <c>root/Directory.Build.props</c>,
/// <c>root/App</c> (the project) referencing <c>root/Lib</c>.
/// </summary>
public sealed class BuildFingerprintTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fwk-fingerprint-").FullName;
    private readonly ProjectFile _project;

    public BuildFingerprintTests()
    {
        Write("Directory.Build.props", "<Project />");
        Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\Lib\Lib.csproj" /></ItemGroup></Project>""");
        Write("App/Program.cs", "return 0;");
        Write("App/Hello/HelloApp.cs", "class HelloApp { string Index() => \"Hello\"; }");
        Write("Lib/Lib.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        Write("Lib/Code.cs", "class Code { }");
        _project = new ProjectFile(Path.Combine(_root, "App", "App.csproj"), Path.Combine(_root, "App"), "App");
    }

    [Fact]
    public void OfInputs_WhenNothingChanged_IsTheSame()
    {
        Assert.Equal(BuildFingerprint.OfInputs(_project), BuildFingerprint.OfInputs(_project));
    }

    [Fact]
    public void OfInputs_WhenSourceEditedKeepingSizeAndWriteTime_Differs()
    {
        var before = BuildFingerprint.OfInputs(_project);
        var path = Path.Combine(_root, "App", "Hello", "HelloApp.cs");
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Hello\"", "Howdy\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);

        Assert.NotEqual(before, BuildFingerprint.OfInputs(_project));
    }

    [Theory]
    [InlineData("App/Hello/Extra.cs")]
    [InlineData("App/config.ini")]
    [InlineData("Lib/More.cs")]
    [InlineData("Directory.Packages.props")]
    public void OfInputs_WhenFileAdded_Differs(string relativePath)
    {
        var before = BuildFingerprint.OfInputs(_project);
        Write(relativePath, "added");

        Assert.NotEqual(before, BuildFingerprint.OfInputs(_project));
    }

    [Theory]
    [InlineData("App/Program.cs")]
    [InlineData("Lib/Code.cs")]
    [InlineData("Directory.Build.props")]
    public void OfInputs_WhenFileDeleted_Differs(string relativePath)
    {
        var before = BuildFingerprint.OfInputs(_project);
        File.Delete(Path.Combine(_root, relativePath));

        Assert.NotEqual(before, BuildFingerprint.OfInputs(_project));
    }

    [Theory]
    [InlineData("Directory.Build.props")]
    [InlineData("Lib/Lib.csproj")]
    [InlineData("Lib/Code.cs")]
    public void OfInputs_WhenPropsOrReferencedProjectEdited_Differs(string relativePath)
    {
        var before = BuildFingerprint.OfInputs(_project);
        File.AppendAllText(Path.Combine(_root, relativePath), "\n<!-- edited -->");

        Assert.NotEqual(before, BuildFingerprint.OfInputs(_project));
    }

    [Theory]
    [InlineData("App/bin/Debug/App.dll")]
    [InlineData("App/obj/project.assets.json")]
    [InlineData("App/.fwk/data/postmaster.pid")]
    [InlineData("Lib/obj/Debug/Lib.dll")]
    [InlineData("Other/Unrelated.cs")]
    public void OfInputs_WhenOutputOrUnrelatedFileChanges_IsTheSame(string relativePath)
    {
        var before = BuildFingerprint.OfInputs(_project);
        Write(relativePath, "not an input");

        Assert.Equal(before, BuildFingerprint.OfInputs(_project));
    }

    [Fact]
    public void OfInputs_WhenReferenceNeedsMsBuild_IsNull()
    {
        Write("App/App.csproj", """<Project><ItemGroup><ProjectReference Include="$(LibDir)/Lib.csproj" /></ItemGroup></Project>""");

        Assert.Null(BuildFingerprint.OfInputs(_project));
    }

    [Fact]
    public void CurrentTarget_WhenStampedAndUnchanged_IsTheStampedAssembly()
    {
        var target = Stamp();

        Assert.Equal(target, BuildFingerprint.CurrentTarget(_project, BuildFingerprint.OfInputs(_project)));
    }

    [Fact]
    public void CurrentTarget_WhenSourceEditedAfterStamp_IsNull()
    {
        Stamp();
        File.AppendAllText(Path.Combine(_root, "App", "Program.cs"), "// edited");

        Assert.Null(BuildFingerprint.CurrentTarget(_project, BuildFingerprint.OfInputs(_project)));
    }

    [Fact]
    public void CurrentTarget_WhenOutputRemovedOrChanged_IsNull()
    {
        var target = Stamp();
        var inputs = BuildFingerprint.OfInputs(_project);
        Write("App/bin/Debug/net10.0/Lib.dll", "copied again");
        Assert.Null(BuildFingerprint.CurrentTarget(_project, inputs));

        File.Delete(target);
        Assert.Null(BuildFingerprint.CurrentTarget(_project, inputs));
    }

    [Fact]
    public void CurrentTarget_WhenNeverStamped_IsNull()
    {
        Assert.Null(BuildFingerprint.CurrentTarget(_project, BuildFingerprint.OfInputs(_project)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // What ProjectBuilder records after a build: the inputs' fingerprint, then the output's.
    private string Stamp()
    {
        var target = Write("App/bin/Debug/net10.0/App.dll", "assembly");
        var inputs = BuildFingerprint.OfInputs(_project)!;
        new BuildStamp(inputs, BuildFingerprint.OfOutputs(target), target).Write(_project);
        return target;
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
