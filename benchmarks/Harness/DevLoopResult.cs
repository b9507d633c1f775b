namespace Harness;

/// <summary>One watcher's dev-loop times: start to first 200, the first edit after the start, and the edits after it.</summary>
internal sealed record DevLoopResult(string Name, TimeSpan Start, TimeSpan FirstEdit, IReadOnlyList<TimeSpan> Edits);
