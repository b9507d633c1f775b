using System.Globalization;

namespace Harness;

/// <summary>The dev-loop table: seconds per step for each watcher, the ratio fwk ÷ baseline, then <c>fwk db current</c>.</summary>
internal static class DevLoopReport
{
    public static void Print(DevLoopResult fwk, DevLoopResult baseline, IReadOnlyList<TimeSpan> current)
    {
        Console.WriteLine($"{"dev loop (s)",-34} {fwk.Name,16} {baseline.Name,24} {"ratio",6}");
        Row("start to first 200", fwk.Start, baseline.Start);
        Row("first edit to new answer", fwk.FirstEdit, baseline.FirstEdit);
        Row($"edit to new answer (median of {fwk.Edits.Count})", Statistics.Median(fwk.Edits), Statistics.Median(baseline.Edits));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{"  edits, min–max",-34} {Range(fwk.Edits),16} {Range(baseline.Edits),24}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fwk db current, unchanged project (median of {current.Count}): {Statistics.Median(current).TotalSeconds:0.00} s ({Range(current)})"));
    }

    private static void Row(string step, TimeSpan fwk, TimeSpan baseline) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{step,-34} {fwk.TotalSeconds,16:0.00} {baseline.TotalSeconds,24:0.00} {fwk / baseline,6:0.00}"));

    private static string Range(IReadOnlyList<TimeSpan> times) =>
        string.Create(CultureInfo.InvariantCulture, $"{times.Min().TotalSeconds:0.00}–{times.Max().TotalSeconds:0.00}");
}
