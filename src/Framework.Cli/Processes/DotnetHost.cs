using System.Runtime.InteropServices;

namespace Fwk.Cli;

/// <summary>The <c>dotnet</c> executable fwk uses to build and run projects.</summary>
internal static class DotnetHost
{
    /// <summary>
    /// <c>DOTNET_HOST_PATH</c> when set; else the <c>dotnet</c> running fwk; else the <c>dotnet</c> beside the runtime
    /// running fwk; else <c>dotnet</c> from PATH.
    /// </summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var process = Environment.ProcessPath;
        if (process is not null && string.Equals(System.IO.Path.GetFileName(process), executable, StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        if (root is not null && File.Exists(System.IO.Path.Combine(root, executable)))
        {
            return System.IO.Path.Combine(root, executable);
        }

        return executable;
    }
}
