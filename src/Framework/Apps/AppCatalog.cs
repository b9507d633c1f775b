using System.Reflection;

namespace Fwk;

/// <summary>
/// Finds the app types named in config.ini or added in code, adds their dependencies, and orders
/// them so every app comes after the apps it depends on. Runs once at startup.
/// </summary>
internal sealed class AppCatalog
{
    private AppCatalog(IReadOnlyList<ActiveApp> apps) => Apps = apps;

    /// <summary>The active apps in start order (dependencies first).</summary>
    public IReadOnlyList<ActiveApp> Apps { get; }

    /// <summary>Whether every app has run <see cref="IApp.Configure"/>, so their models, routes and hooks are complete.</summary>
    public bool IsConfigured { get; private set; }

    /// <summary>Records that every app has configured.</summary>
    public void MarkConfigured() => IsConfigured = true;

    /// <summary>Resolves <paramref name="names"/> against the app types of the loaded assemblies.</summary>
    /// <exception cref="InvalidOperationException">A name matches no app or several, or dependencies form a cycle.</exception>
    public static AppCatalog Resolve(IEnumerable<string> names, IEnumerable<Type> codeApps, string nameSource)
    {
        var known = FindAppTypes();
        var requested = new List<Type>();
        foreach (var name in names)
        {
            var matches = known.Where(t => Matches(t, name)).ToList();
            requested.Add(matches.Count switch
            {
                1 => matches[0],
                0 => throw new InvalidOperationException(
                    $"Unknown app '{name}' in {nameSource}. Known apps: {(known.Count == 0 ? "none" : string.Join(", ", known.Select(t => t.FullName)))}."),
                _ => throw new InvalidOperationException(
                    $"App name '{name}' in {nameSource} is ambiguous: {string.Join(", ", matches.Select(t => t.FullName))}. Use the full type name."),
            });
        }

        requested.AddRange(codeApps);
        var ordered = new List<Type>();
        foreach (var type in requested)
        {
            Visit(type, ordered, []);
        }

        return new AppCatalog([.. ordered.Select(t => new ActiveApp(t.Name, Create(t)))]);
    }

    private static void Visit(Type type, List<Type> ordered, List<Type> path)
    {
        if (ordered.Contains(type))
        {
            return;
        }

        if (path.Contains(type))
        {
            var cycle = path.SkipWhile(t => t != type).Append(type).Select(t => t.Name);
            throw new InvalidOperationException($"Apps depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
        }

        path.Add(type);
        foreach (var dependency in Create(type).DependsOn)
        {
            if (!typeof(IApp).IsAssignableFrom(dependency))
            {
                throw new InvalidOperationException($"App '{type.Name}' depends on '{dependency.Name}', which is not an app (IApp).");
            }

            Visit(dependency, ordered, path);
        }

        path.RemoveAt(path.Count - 1);
        ordered.Add(type);
    }

    private static IApp Create(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is not null
            ? (IApp)Activator.CreateInstance(type)!
            : throw new InvalidOperationException($"App '{type.FullName}' needs a public parameterless constructor.");

    private static bool Matches(Type type, string name) =>
        string.Equals(type.FullName, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(type.Namespace, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(type.Name, name, StringComparison.OrdinalIgnoreCase);

    private static List<Type> FindAppTypes()
    {
        var fwk = typeof(IApp).Assembly.GetName().Name;
        LoadEntryReferences();
        return [.. AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetReferencedAssemblies().Any(r => r.Name == fwk))
            .SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApp).IsAssignableFrom(t))
            .Distinct()];
    }

    // Apps may live in a library the entry assembly references but has not loaded yet.
    private static void LoadEntryReferences()
    {
        foreach (var reference in Assembly.GetEntryAssembly()?.GetReferencedAssemblies() ?? [])
        {
            try
            {
                Assembly.Load(reference);
            }
            catch (FileNotFoundException)
            {
                // Reference assemblies without an implementation on disk hold no apps.
            }
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
