using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Fwk.Db;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Testing;

/// <summary>
/// Builds each project's template databases once per run: the project's own <c>create_db</c> (its migrations, or its
/// tables) into databases named after a fingerprint of its schema, <c>fwk_tpl_&lt;hash&gt;</c>. The fingerprint is read
/// with the test's own settings (a test that activates other apps gets their tables); a template of the same fingerprint
/// is reused (from earlier in the run, or from an earlier run on an existing server), and a changed model gives a new
/// fingerprint, so a new template.
/// </summary>
internal static class TemplateBuilder
{
    private static readonly ConcurrentDictionary<(Assembly, string), Lazy<Task<Inspection>>> Inspections = new();
    private static readonly ConcurrentDictionary<(Assembly, string), Lazy<Task<ProjectTemplate>>> Templates = new();

    /// <summary>The templates of <paramref name="project"/> run with <paramref name="settings"/>, built on first use.</summary>
    public static async Task<ProjectTemplate> GetAsync(ProjectEntryPoint project, TestPostgres server, TestSettings settings)
    {
        var inspection = await Inspections.GetOrAdd((project.Assembly, settings.Key), _ => new(() => InspectAsync(project, settings))).Value;
        return await Templates.GetOrAdd((project.Assembly, inspection.Hash), _ => new(() => BuildAsync(project, server, settings, inspection))).Value;
    }

    private static async Task<ProjectTemplate> BuildAsync(ProjectEntryPoint project, TestPostgres server, TestSettings settings, Inspection inspection)
    {
        var template = new ProjectTemplate([.. inspection.Binds.Select(b => (b.Bind, b.Section, Name("fwk_tpl_" + inspection.Hash, b.Bind)))]);
        if (template.Binds.Count == 0 || await server.ExistAsync(template.Binds.Select(b => b.Template)))
        {
            return template;
        }

        var build = "fwk_build_" + Guid.NewGuid().ToString("N")[..12];
        var buildSettings = new TestSettings();
        foreach (var (bind, section, _) in template.Binds)
        {
            buildSettings.Database(section, server, Name(build, bind));
        }

        var output = new StringWriter();
        var exitCode = await project.RunAsync(new HostOverrides
        {
            Args = ["create_db"],
            Options = new FwkOptions
            {
                ProjectDirectory = project.Directory,
                EnvironmentVariables = ProjectEntryPoint.Variables(settings.With(buildSettings).Variables),
                Output = TextWriter.Synchronized(output),
                Error = TextWriter.Synchronized(output),
                ProjectAssembly = project.Assembly,
            },
            Run = ProjectEntryPoint.RunCommandLineAndDisposeAsync,
        });
        if (exitCode != 0)
        {
            foreach (var (bind, _, _) in template.Binds)
            {
                await server.DropAsync(Name(build, bind));
            }

            throw new InvalidOperationException($"create_db of the test template for {project.Assembly.GetName().Name} exited with {exitCode}:\n{output}");
        }

        foreach (var (bind, _, name) in template.Binds)
        {
            await server.SealAsTemplateAsync(Name(build, bind), name);
        }

        return template;
    }

    // The project's binds and its schema fingerprint, read from its own Program without touching a database.
    private static async Task<Inspection> InspectAsync(ProjectEntryPoint project, TestSettings settings)
    {
        var inspection = new Inspection([], string.Empty);
        await project.RunAsync(new HostOverrides
        {
            Args = [],
            Options = new FwkOptions
            {
                ProjectDirectory = project.Directory,
                EnvironmentVariables = ProjectEntryPoint.Variables(settings.Variables),
                ProjectAssembly = project.Assembly,
            },
            Run = async app =>
            {
                await using (app)
                {
                    app.Build();
                    if (app.ServiceProvider.GetService<DatabaseBinds>() is { } binds)
                    {
                        var fingerprint = string.Join("\n", binds.All.Select(b => $"bind {b.Name}\n{SchemaFingerprint.Of(b)}"));
                        inspection = new Inspection(
                            [.. binds.All.Select(b => (b.Name, b.Settings.Section))],
                            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)))[..16]);
                    }
                }

                return 0;
            },
        });
        return inspection;
    }

    private sealed record Inspection(IReadOnlyList<(string Bind, string Section)> Binds, string Hash);

    private static string Name(string prefix, string bind) => bind == ModelRegistry.DefaultBind ? prefix : $"{prefix}_{bind}";
}
