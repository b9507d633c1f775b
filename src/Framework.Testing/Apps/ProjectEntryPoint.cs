using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Fwk.Testing;

/// <summary>
/// A Fwk project's own <c>Program</c>, run in this process: its entry point is called (as <c>dotnet run</c> would) while
/// <see cref="HostOverrides"/> tell the <see cref="FwkApplication"/> it creates where its config.ini is, which settings
/// to override, where to write, and what to do instead of parsing the command line. Whatever Program adds (services,
/// <c>UseDatabase()</c>, apps in code) is kept.
/// </summary>
internal sealed class ProjectEntryPoint
{
    private static readonly ConcurrentDictionary<Assembly, ProjectEntryPoint> Projects = new();

    private readonly MethodInfo _main;

    private ProjectEntryPoint(Assembly assembly, string directory, MethodInfo main)
    {
        Assembly = assembly;
        Directory = directory;
        _main = main;
    }

    /// <summary>The project's assembly (where its migrations are compiled).</summary>
    public Assembly Assembly { get; }

    /// <summary>The project directory, where its config.ini is.</summary>
    public string Directory { get; }

    /// <summary>The project of <paramref name="program"/>, its <c>Program</c> class (any type of its assembly will do).</summary>
    public static ProjectEntryPoint For(Type program) => Projects.GetOrAdd(program.Assembly, assembly =>
    {
        var entry = assembly.EntryPoint ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point: pass the Program of a Fwk project.");

        // Top-level statements compile to an async <Main>$ behind the synchronous entry point: call that one, without blocking a thread.
        var main = entry.DeclaringType?.GetMethod("<Main>$", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public, [typeof(string[])]) ?? entry;
        return new ProjectEntryPoint(assembly, FindDirectory(assembly), main);
    });

    /// <summary>Runs Program with <paramref name="overrides"/> and returns its exit code (Program's exceptions propagate).</summary>
    public async Task<int> RunAsync(HostOverrides overrides)
    {
        HostOverrides.Current = overrides;
        try
        {
            object[] arguments = [overrides.Args];
            return _main.ReturnType == typeof(Task<int>) ? await (Task<int>)_main.Invoke(null, arguments)!
                : _main.ReturnType == typeof(Task) ? await Completed((Task)_main.Invoke(null, arguments)!)
                : await Task.Factory.StartNew(() => _main.Invoke(null, arguments) as int? ?? 0, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
        finally
        {
            HostOverrides.Current = null;
        }
    }

    /// <summary>
    /// Runs the command line Program was given, then disposes the application at once, so that no pooled connection keeps a
    /// database busy once the verb is done (Program itself never disposes it: its process ends instead).
    /// </summary>
    public static async Task<int> RunCommandLineAndDisposeAsync(FwkApplication app)
    {
        await using (app)
        {
            return await app.RunCommandLineAsync();
        }
    }

    /// <summary>The variables Program sees: the process's own, but none of its <c>FWK_</c> ones, plus <paramref name="settings"/>.</summary>
    public static IDictionary Variables(IReadOnlyDictionary<string, string?> settings)
    {
        var variables = new Hashtable();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (!((string)entry.Key).StartsWith("FWK_", StringComparison.OrdinalIgnoreCase))
            {
                variables[entry.Key] = entry.Value;
            }
        }

        foreach (var (name, value) in settings)
        {
            variables[name] = value;
        }

        return variables;
    }

    private static async Task<int> Completed(Task task)
    {
        await task;
        return 0;
    }

    // Microsoft.AspNetCore.Mvc.Testing's build targets record each referenced project's directory in the test's output.
    private static string FindDirectory(Assembly assembly)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (File.Exists(manifest))
        {
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) ?? [];
            if (roots.TryGetValue(assembly.FullName!, out var root) && File.Exists(Path.Combine(root, "config.ini")))
            {
                return root;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the project directory of {assembly.GetName().Name}: the test project must reference it (ProjectReference), "
            + $"so that {manifest} names its directory, and that directory must hold its config.ini.");
    }
}
