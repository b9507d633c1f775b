using System.CommandLine;

namespace Fwk;

/// <summary>
/// The command-line verbs of the application (<c>dotnet run -- VERB</c>, or <c>fwk VERB</c>). The framework adds
/// <c>run</c>, <c>routes</c> and <c>init_project</c>; the database helper and apps add their own.
/// A verb returns its exit code: 0 ok, 1 failure (2 is reserved for usage errors).
/// </summary>
public sealed class VerbRegistry
{
    private readonly List<(string Name, Command Command)> _verbs = [];
    private readonly Func<Func<VerbContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> _bind;

    internal VerbRegistry(Func<Func<VerbContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> bind) => _bind = bind;

    /// <summary>
    /// Adds a verb. A <paramref name="name"/> with a space (<c>"db start"</c>) becomes a sub-verb of the first word.
    /// Its <paramref name="symbols"/> (options and arguments) are read in <paramref name="run"/> through <see cref="VerbContext.ParseResult"/>.
    /// </summary>
    public VerbRegistry Add(string name, string description, Func<VerbContext, Task<int>> run, params Symbol[] symbols)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = new Command(words[^1], description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
            {
                command.Arguments.Add(argument);
            }
            else
            {
                command.Options.Add((Option)symbol);
            }
        }

        command.SetAction(_bind(run));
        if (words.Length == 1)
        {
            AddTopLevel(words[0], command);
        }
        else
        {
            Parent(words[0]).Subcommands.Add(command);
        }

        return this;
    }

    /// <summary>Adds every verb to <paramref name="root"/>.</summary>
    internal void AddTo(RootCommand root)
    {
        foreach (var (_, command) in _verbs)
        {
            root.Subcommands.Add(command);
        }
    }

    private Command Parent(string name)
    {
        var existing = _verbs.FirstOrDefault(v => v.Name == name).Command;
        if (existing is not null)
        {
            return existing;
        }

        var parent = new Command(name, $"{name} commands");
        AddTopLevel(name, parent);
        return parent;
    }

    private void AddTopLevel(string name, Command command)
    {
        if (_verbs.Any(v => v.Name == name))
        {
            throw new InvalidOperationException($"The verb '{name}' is registered twice.");
        }

        _verbs.Add((name, command));
    }
}
