using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Fwk.Db.Local;

/// <summary>The private helpers of <see cref="LocalPostgres"/>: tools, directories, readiness and the server log.</summary>
internal sealed partial class LocalPostgres
{
    // Creates the cluster directory (and the /tmp socket directory when one is used) and, as root, hands them over to
    // the server account.
    [UnsupportedOSPlatform("windows")]
    private async Task PrepareDirectoriesAsync(CancellationToken cancellationToken)
    {
        var account = await GetAccountAsync(cancellationToken);
        Directory.CreateDirectory(ClusterDirectory);
        await account.GrantAsync(ClusterDirectory, [LogFile], cancellationToken);
        if (SocketDirectory != ClusterDirectory)
        {
            if (new DirectoryInfo(SocketDirectory).LinkTarget is not null)
            {
                throw new InvalidOperationException($"The socket directory {SocketDirectory} is a symbolic link; remove it.");
            }

            var privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Directory.CreateDirectory(SocketDirectory, privateMode);
            File.SetUnixFileMode(SocketDirectory, privateMode);
            await account.GrantAsync(SocketDirectory, [], cancellationToken);
        }
    }

    private LocalPostgresStatus Status(LocalPostgresState state) => new(state, DataDirectory, SocketDirectory, Port);

    private async Task<ServerAccount> GetAccountAsync(CancellationToken cancellationToken)
        => _account ??= await ServerAccount.ResolveAsync(cancellationToken);

    private async Task<ProcessResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = PostgresBinaries.Tool(PostgresBinaries.FindDirectory(), tool);
        var account = await GetAccountAsync(cancellationToken);
        return await account.RunAsync(path, arguments, ClusterDirectory, cancellationToken);
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await ProbeAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException(
                    $"The local PostgreSQL server started but does not accept connections on {SocketDirectory} "
                    + $"(port {Port}): {ex.Message}\n{LogTail()}", ex);
            }
        }
    }

    // One attempt, no retry: whether a server answers on the socket now.
    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ProbeAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    // Opens an unpooled connection to the 'postgres' database and runs 'select 1'.
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 5 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private string LogTail()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Max(0, stream.Length - 16_384), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return $"Server log ({LogFile}):\n{ProcessRunner.Tail(reader.ReadToEnd())}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(server log {LogFile} could not be read: {ex.Message})";
        }
    }

    private static string ChooseSocketDirectory(string clusterDirectory, int port)
    {
        var socketFile = $"{clusterDirectory}/.s.PGSQL.{port.ToString(CultureInfo.InvariantCulture)}";
        if (Encoding.UTF8.GetByteCount(socketFile) <= MaxSocketPathBytes)
        {
            return clusterDirectory;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clusterDirectory)));
        return "/tmp/fwk-pg-" + hash[..16];
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
