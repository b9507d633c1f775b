namespace Fwk.Jobs;

/// <summary>A plain-text table: columns padded to their widest cell, two spaces apart.</summary>
internal static class TextTable
{
    public static async Task WriteAsync(TextWriter output, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
