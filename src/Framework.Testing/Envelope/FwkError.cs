using System.Net;
using System.Text.Json;

namespace Fwk.Testing;

/// <summary>An error envelope: <c>{"status":"error","code":N,"message":"…","data":…}</c>, read by <see cref="EnvelopeExtensions.ReadErrorAsync"/>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The error code (1000–1099 Fwk's, the others the apps').</param>
/// <param name="Message">The message.</param>
/// <param name="Fields">For validation errors (1002): each field's messages; empty otherwise.</param>
/// <param name="Data">The <c>data</c> member, when there is one.</param>
public sealed record FwkError(HttpStatusCode Status, int Code, string Message, IReadOnlyDictionary<string, string[]> Fields, JsonElement? Data);
