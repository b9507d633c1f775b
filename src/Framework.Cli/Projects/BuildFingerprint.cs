using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Fwk.Cli;

/// <summary>
/// Tells whether a project's last build is current, as MSBuild's incremental check would, without running MSBuild:
/// a hash over each input file's path, size, last write time and (for files up to 64 KiB, that is sources) content,
/// plus the installed SDKs, compared with the one recorded after fwk's last successful build (<see cref="BuildStamp"/>).
/// </summary>
internal static class BuildFingerprint
{
    private const int HashedContentLimit = 64 * 1024;

    /// <summary>
    /// The fingerprint of <paramref name="project"/>'s inputs (<see cref="BuildInputs"/>), or null when they cannot be
    /// told (or a file vanished while being read): the project is built then.
    /// </summary>
    public static string? OfInputs(ProjectFile project)
    {
        try
        {
            return BuildInputs.Find(project) is { } files ? Hash(files, Sdks(), withContent: true) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The fingerprint of the build output: every file in the folder of <paramref name="targetPath"/>, by path, size and write time.</summary>
    public static string OfOutputs(string targetPath)
    {
        var directory = Path.GetDirectoryName(targetPath)!;
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        return Hash(files, [targetPath], withContent: false);
    }

    /// <summary>
    /// The assembly of fwk's last build of <paramref name="project"/> when <paramref name="inputs"/> (from
    /// <see cref="OfInputs"/>) is the fingerprint recorded then and the output folder is as that build left it; else null.
    /// </summary>
    public static string? CurrentTarget(ProjectFile project, string? inputs)
    {
        var stamp = BuildStamp.Read(project);
        try
        {
            return inputs is not null && stamp is not null && stamp.Inputs == inputs && File.Exists(stamp.TargetPath)
                && OfOutputs(stamp.TargetPath) == stamp.Outputs
                ? stamp.TargetPath
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // A new SDK may change what global.json's roll-forward picks, hence the build.
    private static IEnumerable<string> Sdks()
    {
        var sdk = Path.Combine(Path.GetDirectoryName(DotnetHost.Path) ?? string.Empty, "sdk");
        return Path.IsPathRooted(sdk) && Directory.Exists(sdk) ? Directory.EnumerateDirectories(sdk).Order(StringComparer.Ordinal) : [];
    }

    private static string Hash(IReadOnlyList<string> files, IEnumerable<string> extra, bool withContent)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var text in extra)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        }

        foreach (var path in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                continue;
            }

            BinaryPrimitives.WriteInt64LittleEndian(number, file.Length);
            hash.AppendData(number);
            BinaryPrimitives.WriteInt64LittleEndian(number, file.LastWriteTimeUtc.Ticks);
            hash.AppendData(number);
            if (withContent && file.Length <= HashedContentLimit)
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
