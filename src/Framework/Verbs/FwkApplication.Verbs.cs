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

    private async Task<int> PrintRoutesAsync(VerbContext context)
    {
        var routes = RouteTable.Read(Build()).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
        string[] header = ["METHOD", "PATH", "APP", "HANDLER"];
        var widths = Enumerable.Range(0, 3)
            .Select(i => routes.Select(r => Column(r, i).Length).Append(header[i].Length).Max())
            .ToArray();
        await context.Output.WriteLineAsync(Row(header[0], header[1], header[2], header[3]));
        foreach (var route in routes)
        {
            await context.Output.WriteLineAsync(Row(route.Method, route.Path, route.App, route.Handler));
        }

        return 0;

        string Row(string method, string path, string app, string handler) =>
            $"{method.PadRight(widths[0])}  {path.PadRight(widths[1])}  {app.PadRight(widths[2])}  {handler}";
    }

    private static string Column(RouteInfo route, int index) => index switch
    {
        0 => route.Method,
        1 => route.Path,
        _ => route.App,
    };

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
