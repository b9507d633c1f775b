using Microsoft.Extensions.DependencyInjection;

namespace Fwk;

/// <content>The framework's own verbs: run, routes and init_project.</content>
public sealed partial class FwkApplication
{
    private void AddBuiltInVerbs()
    {
        Verbs.Add("run", "Serve the project (the default when no verb is given).", ServeAsync);
        Verbs.Add("routes", "List every route: method, path, app and handler.", PrintRoutesAsync);
        Verbs.Add("init_project", "Run each active app's init function (seed data), in app order.", InitProjectAsync);
    }

    // With several databases, a BIND column says where each route's app keeps its models.
    private async Task<int> PrintRoutesAsync(VerbContext context)
    {
        var catalog = context.Services.GetRequiredService<AppCatalog>();
        var binds = catalog.Apps.ToDictionary(a => a.Name, a => a.Models.Binds.DefaultIfEmpty("-").Aggregate((x, y) => $"{x},{y}"));
        var showBinds = binds.Values.Any(b => b is not ("-" or ModelRegistry.DefaultBind));
        string[] header = ["METHOD", "PATH", "APP", .. showBinds ? ["BIND"] : Array.Empty<string>(), "HANDLER"];
        var routes = RouteTable.Read(Build());
        RouteTable.EnsureNoDuplicates(routes);
        var rows = routes.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .Select(r => (string[])[r.Method, r.Path, r.App, .. showBinds ? [binds.GetValueOrDefault(r.App, "-")] : Array.Empty<string>(), r.Handler])
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
        {
            await context.Output.WriteLineAsync(string.Join("  ", row.SkipLast(1).Select((cell, i) => cell.PadRight(widths[i])).Append(row[^1])));
        }

        return 0;
    }

    private async Task<int> InitProjectAsync(VerbContext context)
    {
        foreach (var app in context.Services.GetRequiredService<AppCatalog>().Apps)
        {
            if (app.Init is null)
            {
                continue;
            }

            await context.Output.WriteLineAsync($"{app.Name}: running init…");
            await using var scope = context.Services.CreateAsyncScope();
            var hookContext = new HookContext(Events.InitCompleted, scope.ServiceProvider, null, null, default);
            await app.Init(hookContext);
            await HookStore.RunAsync(_hookStore.Get(Events.InitCompleted), hookContext);
            await context.Output.WriteLineAsync($"{app.Name}: done");
        }

        return 0;
    }
}
