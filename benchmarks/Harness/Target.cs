namespace Harness;

/// <summary>An app the harness measures: its built dll, where it runs, and the variable that sets its URL.</summary>
internal sealed record Target(string Name, string Dll, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment, string UrlVariable)
{
    /// <summary>Starts the app on 127.0.0.1:<paramref name="port"/>; the clock of its cold start starts here.</summary>
    public RunningApp Start(int port)
    {
        var url = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string>(Environment) { [UrlVariable] = url };
        return new RunningApp(Name, new Uri(url), ChildProcess.Start("dotnet", [Dll], WorkingDirectory, environment));
    }
}
