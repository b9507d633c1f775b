using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fwk.Db.Tests.Infrastructure;

/// <summary>
/// Compiles a test project's migrations (the files <c>db migrate</c> wrote, plus any written by hand) into an assembly, as
/// the project's build would, so the next application instance finds them. Roslyn comes with EF Core's design-time package.
/// </summary>
internal static class MigrationCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>Compiles every .cs file under <paramref name="directory"/>'s Migrations folder and <paramref name="extraSources"/>.</summary>
    public static Assembly Compile(string directory, params string[] extraSources)
    {
        var folder = Path.Combine(directory, "Migrations");
        IEnumerable<string> files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file))
            .Concat(extraSources.Select(source => CSharpSyntaxTree.ParseText(source)));
        var compilation = CSharpCompilation.Create(
            "migrations_" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
