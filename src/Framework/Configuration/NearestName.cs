namespace Fwk;

/// <summary>
/// "Did you mean …?": the known name closest to a misspelt one. Used for config.ini keys and sections, and for verbs
/// (also compiled into the fwk command).
/// </summary>
internal static class NearestName
{
    /// <summary>The largest edit distance (insertions, deletions, substitutions, swaps) a suggestion may have.</summary>
    public const int MaxDistance = 2;

    /// <summary>The candidate closest to <paramref name="name"/> (ignoring case), when it is at most <see cref="MaxDistance"/> edits away.</summary>
    public static string? Of(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();

    /// <summary>The Damerau–Levenshtein distance (optimal string alignment) between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
