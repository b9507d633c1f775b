using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk;

/// <summary>
/// Compiles a hook or init delegate into <c>Func&lt;HookContext, ValueTask&gt;</c> once, at registration.
/// Each parameter binds by type: <see cref="HookContext"/>, <see cref="HttpContext"/>, <see cref="CancellationToken"/>,
/// <see cref="IServiceProvider"/>, a keyed service (<see cref="FromKeyedServicesAttribute"/>), the event's argument when it
/// is of that type, and otherwise a service.
/// </summary>
internal static class HandlerBinder
{
    private static readonly MethodInfo GetRequiredService =
        typeof(ServiceProviderServiceExtensions).GetMethod(nameof(ServiceProviderServiceExtensions.GetRequiredService), [typeof(IServiceProvider), typeof(Type)])!;

    private static readonly MethodInfo GetRequiredKeyedService =
        typeof(ServiceProviderKeyedServiceExtensions).GetMethod(nameof(ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService), [typeof(IServiceProvider), typeof(Type), typeof(object)])!;

    private static readonly MethodInfo FromTask = typeof(HandlerBinder).GetMethod(nameof(ToValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Compiles <paramref name="handler"/>; unsupported return types fail here, not per call.</summary>
    public static Func<HookContext, ValueTask> Compile(Delegate handler)
    {
        var method = handler.Method;
        var context = Expression.Parameter(typeof(HookContext), "context");
        var arguments = method.GetParameters().Select(p => Bind(p, context));
        var call = Expression.Invoke(Expression.Constant(handler), arguments);
        var body = method.ReturnType switch
        {
            var t when t == typeof(void) => Expression.Block(call, Expression.Default(typeof(ValueTask))),
            var t when t == typeof(ValueTask) => (Expression)call,
            var t when typeof(Task).IsAssignableFrom(t) => Expression.Call(FromTask, Expression.Convert(call, typeof(Task))),
            var t => throw new InvalidOperationException($"A hook handler must return void, Task or ValueTask; '{method.Name}' returns {t.Name}."),
        };
        return Expression.Lambda<Func<HookContext, ValueTask>>(body, context).Compile();
    }

    private static Expression Bind(ParameterInfo parameter, ParameterExpression context)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HookContext))
        {
            return context;
        }

        if (type == typeof(HttpContext))
        {
            return Expression.Property(context, nameof(HookContext.HttpContext));
        }

        if (type == typeof(CancellationToken))
        {
            return Expression.Property(context, nameof(HookContext.CancellationToken));
        }

        var services = Expression.Property(context, nameof(HookContext.Services));
        if (type == typeof(IServiceProvider))
        {
            return services;
        }

        if (parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed)
        {
            return Expression.Convert(Expression.Call(GetRequiredKeyedService, services, Expression.Constant(type), Expression.Constant(keyed.Key, typeof(object))), type);
        }

        var args = Expression.Property(context, nameof(HookContext.Args));
        var service = Expression.Convert(Expression.Call(GetRequiredService, services, Expression.Constant(type)), type);
        return Expression.Condition(Expression.TypeIs(args, type), Expression.Convert(args, type), service);
    }

    private static ValueTask ToValueTask(Task task) => new(task);
}
