namespace Fwk;

/// <summary>A registered hook handler, compiled once for calls without reflection.</summary>
/// <param name="Owner">The app that registered it, or "Fwk" style names for framework-level hooks.</param>
/// <param name="IsFramework">Framework-level handlers run first on the way in and last on the way out.</param>
/// <param name="Invoke">The compiled handler.</param>
internal sealed record HookHandler(string Owner, bool IsFramework, Func<HookContext, ValueTask> Invoke);
