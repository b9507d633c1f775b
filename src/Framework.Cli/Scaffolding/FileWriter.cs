using System.Text;

namespace Fwk.Cli;

/// <summary>Writes scaffolded files: UTF-8 without BOM, LF line endings, never over an existing file.</summary>
internal static class FileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The first of <paramref name="paths"/> that exists already (file or directory), or null.</summary>
    public static string? FirstExisting(IEnumerable<string> paths) => paths.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p));

    /// <summary>Creates <paramref name="path"/> (and its directory) with <paramref name="content"/>; fails if it exists.</summary>
    public static void Create(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var bytes = Utf8.GetBytes(content.ReplaceLineEndings("\n"));
        stream.Write(bytes);
    }

    /// <summary>
    /// Rewrites <paramref name="path"/> (created when missing) with <paramref name="change"/> applied to its text; a
    /// byte-order mark and every byte <paramref name="change"/> keeps stay as they were. Returns false when nothing changed.
    /// </summary>
    public static bool Update(string path, Func<string, string> change)
    {
        var exists = File.Exists(path);
        var bytes = exists ? File.ReadAllBytes(path) : [];
        var preamble = Utf8.Preamble.ToArray();
        var hasBom = bytes.AsSpan().StartsWith(preamble);
        var text = Utf8.GetString(hasBom ? bytes[preamble.Length..] : bytes);
        var updated = change(text);
        if (exists && updated == text)
        {
            return false;
        }

        File.WriteAllBytes(path, [.. hasBom ? preamble : [], .. Utf8.GetBytes(updated)]);
        return true;
    }
}
