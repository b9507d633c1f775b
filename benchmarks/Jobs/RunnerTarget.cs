namespace JobsBench;

/// <summary>How a runner takes its <c>--connection</c>: an Npgsql connection string or a libpq-style URL.</summary>
internal enum ConnectionStyle
{
    Npgsql,
    Url,
}

/// <summary>
/// A runner the harness measures: started as <see cref="File"/> with <see cref="Prefix"/> and the protocol's arguments
/// (see <see cref="Measurement.Arguments"/>) in <see cref="WorkingDirectory"/>, against its own database.
/// <see cref="Project"/> is the file whose absence skips the target; <see cref="Built"/> must exist once it is built.
/// </summary>
internal sealed record RunnerTarget(
    string Name, string File, IReadOnlyList<string> Prefix, string WorkingDirectory, string Project, string Built,
    ConnectionStyle Connection, string Database, string Settings);
