using System.Globalization;

namespace Harness;

/// <summary>CPU time (user + system) that processes used so far, from /proc/PID/stat, in clock ticks of 10 ms.</summary>
internal static class CpuTime
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    /// <summary>What process <paramref name="pid"/> used; zero once it is gone.</summary>
    public static TimeSpan Of(int pid) => Stat(pid) is { } fields ? Used(fields) : TimeSpan.Zero;

    /// <summary>What <paramref name="pid"/> and its living children used (PostgreSQL's postmaster and its backends).</summary>
    public static TimeSpan OfTree(int pid)
    {
        var total = Of(pid);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var child) && Stat(child) is { } fields
                && int.Parse(fields[1], CultureInfo.InvariantCulture) == pid)
            {
                total += Used(fields);
            }
        }

        return total;
    }

    // The fields after the command name (which may hold spaces): state, ppid, … utime is field 14 of the line, stime 15.
    private static string[]? Stat(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static TimeSpan Used(string[] fields) =>
        Tick * (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
}
