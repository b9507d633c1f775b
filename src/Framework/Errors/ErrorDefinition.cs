namespace Fwk;

/// <summary>One registered error code: its message template, HTTP status and the app that owns it.</summary>
internal sealed record ErrorDefinition(int Code, string Template, int Status, string Owner);
