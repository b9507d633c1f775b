using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk;

/// <summary>
/// A feature module: registers its routes, hooks, error codes, models and init function in <see cref="Configure"/>.
/// Activated by name in <c>[apps] active</c> (full type name, namespace or class name) or in code with
/// <see cref="FwkApplication.AddApp{TApp}"/>. It needs a public parameterless constructor.
/// </summary>
public interface IApp
{
    /// <summary>Apps that must start before this one; they are activated too. Default: none.</summary>
    IEnumerable<Type> DependsOn => [];

    /// <summary>Registers services before the host is built. Runs once, in dependency order. Default: nothing.</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Adds the app's own command-line verbs (<c>dotnet run -- VERB</c>). Runs before the arguments are parsed, in
    /// dependency order; the verbs run with the app configured, like the built-in ones. Default: nothing.
    /// </summary>
    void ConfigureVerbs(VerbRegistry verbs)
    {
    }

    /// <summary>Registers routes, hooks, error codes, models and the init function. Runs once at startup, in dependency order.</summary>
    void Configure(AppBuilder app);
}
