using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Jobs;

/// <summary>
/// Finds which parameter of a durable event's handler takes the event's argument: the one that binds from neither the
/// hook context nor the services (as hooks bind, the argument fills a parameter of its type).
/// </summary>
internal static class PayloadParameter
{
    private static readonly HashSet<Type> FromContext = [typeof(HookContext), typeof(HttpContext), typeof(CancellationToken), typeof(IServiceProvider)];

    public static Type? TypeOf(Delegate handler, IServiceProviderIsService services, string describe)
    {
        var candidates = handler.Method.GetParameters()
            .Where(p => !FromContext.Contains(p.ParameterType) && p.GetCustomAttribute<FromKeyedServicesAttribute>() is null && !services.IsService(p.ParameterType))
            .ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0].ParameterType,
            _ => throw new InvalidOperationException(
                $"{describe}: parameters {string.Join(", ", candidates.Select(p => $"'{p.Name}'"))} are not services; only one may take the event's argument."),
        };
    }
}
