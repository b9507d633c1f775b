namespace Fwk;

/// <summary>One active app, as configured: its module, models and init function.</summary>
internal sealed class ActiveApp(string name, IApp module)
{
    public string Name => name;

    public IApp Module => module;

    public ModelRegistry Models { get; } = new();

    public Func<HookContext, ValueTask>? Init { get; set; }
}
