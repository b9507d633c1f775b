namespace Fwk.Cli.Tests.Tutorial;

/// <summary>One step of README's Tutorial, in the order the README gives them: a command or an edit.</summary>
public abstract record TutorialStep;
