namespace Fwk.Testing;

/// <content>Running the project's verbs on this app's databases.</content>
public sealed partial class FwkTestApp
{
    /// <summary>
    /// Runs one of the project's verbs (<c>init_project</c>, <c>db current</c>, an app's own…) on this app's databases and
    /// settings, in a new application instance, as <c>dotnet run -- VERB</c> would. Nobody answers questions: pass
    /// <c>--yes</c> to the verbs that ask.
    /// </summary>
    public async Task<VerbResult> RunVerbAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var options = Options();
        var exitCode = await _project.RunAsync(new HostOverrides
        {
            Args = args,
            Options = new FwkOptions
            {
                ProjectDirectory = options.ProjectDirectory,
                EnvironmentVariables = options.EnvironmentVariables,
                Output = TextWriter.Synchronized(output),
                Error = TextWriter.Synchronized(error),
                ProjectAssembly = options.ProjectAssembly,
            },
            Run = ProjectEntryPoint.RunCommandLineAndDisposeAsync,
        });
        return new VerbResult(exitCode, output.ToString(), error.ToString());
    }
}
