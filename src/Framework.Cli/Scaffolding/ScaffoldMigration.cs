namespace Fwk.Cli;

/// <summary>
/// Writes the migration of what a scaffolder added, as a user would: the project's own <c>db migrate -m MESSAGE</c>
/// (a build, then the verb in the app's process; it compares the model with the last migration, no database needed).
/// </summary>
internal static class ScaffoldMigration
{
    /// <summary>
    /// Runs <c>db migrate -m <paramref name="message"/></c> in the project at <paramref name="projectDirectory"/> and returns
    /// its exit code; on failure says what to run once the project builds (the scaffolded files stay).
    /// </summary>
    public static async Task<int> WriteAsync(string projectDirectory, string message, CancellationToken cancellationToken)
    {
        var exitCode = await ProjectRunner.RunAsync(projectDirectory, ["db", "migrate", "--message", message], noBuild: false, cancellationToken);
        if (exitCode != ExitCodes.Ok)
        {
            Terminal.Error($"The files are written, the migration is not: once the project builds, run `fwk db migrate -m \"{message}\"` in {projectDirectory}.");
        }

        return exitCode;
    }
}
