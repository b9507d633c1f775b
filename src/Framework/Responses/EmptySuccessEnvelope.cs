namespace Fwk;

/// <summary>The success body without data: <c>{"status":"success"}</c>.</summary>
internal sealed record EmptySuccessEnvelope
{
    public static readonly EmptySuccessEnvelope Instance = new();

    public string Status { get; } = "success";
}
