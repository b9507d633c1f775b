using Microsoft.Extensions.Logging;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>One log entry: its <see cref="Text"/> has the message, every state property and the exception.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, string Text, IReadOnlyDictionary<string, string?> Properties);
