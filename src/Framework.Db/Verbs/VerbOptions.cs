using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>What the database verbs share: the <c>--bind</c> and <c>--yes</c> options and the confirmation question.</summary>
internal static class VerbOptions
{
    public static Option<string> Bind() => new("--bind") { Description = "Only this bind (the NAME of [database.NAME], or default).", HelpName = "NAME" };

    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask for confirmation." };

    /// <summary>The binds a verb works on: every bind, <c>default</c> first, or the one <c>--bind</c> names.</summary>
    public static IReadOnlyList<DatabaseBind> SelectedBinds(VerbContext context)
    {
        var binds = context.Services.GetRequiredService<DatabaseBinds>();
        return context.ParseResult.GetValue<string>("--bind") is { Length: > 0 } name ? [binds.Get(name)] : binds.All;
    }

    /// <summary>True when <c>--yes</c> was given or the user answered yes; false (saying why) when nobody can answer.</summary>
    public static async Task<bool> ConfirmAsync(VerbContext context, string question)
    {
        if (context.ParseResult.GetValue<bool>("--yes"))
        {
            return true;
        }

        if (!context.IsInteractive)
        {
            await context.Error.WriteLineAsync($"{question} Refusing without --yes (input is not interactive).");
            return false;
        }

        await context.Output.WriteAsync($"{question} [y/N] ");
        return (await context.Input.ReadLineAsync())?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
