namespace Fwk.Testing;

/// <summary>A hook handler that ran: its event, its owner (an app's name, <c>Program</c> or <c>Fwk</c>) and its failure, if it threw.</summary>
public sealed record HookRun(string Event, string Owner, Exception? Failure);
