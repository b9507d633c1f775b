using System.Diagnostics;

namespace Fwk.Reliability.Tests.Infrastructure;

/// <summary>
/// HAProxy (Debian's package) in front of sample instances on loopback ports: round robin, a health check on
/// <c>/health</c> every 300 ms, and a retry on another server only when a connection could not be made (a request that
/// reached a server is never sent twice). Started by the test, stopped by its PID.
/// </summary>
internal sealed class Haproxy : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private Haproxy(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static Haproxy Start(IReadOnlyList<int> servers)
    {
        var port = SampleServer.FreePort();
        var directory = Directory.CreateTempSubdirectory("fwk-haproxy-").FullName;
        var config = Path.Combine(directory, "haproxy.cfg");
        File.WriteAllText(config, $"""
            global
              maxconn 4096
            defaults
              mode http
              timeout connect 1s
              timeout client 30s
              timeout server 30s
              retries 3
              option redispatch
              retry-on conn-failure
            frontend fwk
              bind 127.0.0.1:{port}
              default_backend samples
            backend samples
              balance roundrobin
              option httpchk GET /health
              http-check expect status 200
            {string.Join('\n', servers.Select((server, i) => $"  server s{i} 127.0.0.1:{server} check inter 300ms fall 2 rise 2"))}

            """);
        var start = new ProcessStartInfo(Binary(), ["-f", config, "-db"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start haproxy.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Haproxy(process, directory, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Binary() =>
        new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("haproxy is not installed: scripts/ensure-tools.sh installs it (apt-get install haproxy).");
}
