namespace Fwk.Cli.Tests.Infrastructure;

/// <summary>The root of this repository, found from the test assembly's location (the folder holding Framework.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Framework.sln"))
                && File.Exists(System.IO.Path.Combine(directory.FullName, "src", "Framework.Cli", "Framework.Cli.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Framework.sln above {AppContext.BaseDirectory}.");
    }
}
