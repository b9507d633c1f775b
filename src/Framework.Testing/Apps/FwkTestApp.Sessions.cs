using Fwk.Db;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Testing;

/// <content>Arranging and checking data through a session, outside any request.</content>
public sealed partial class FwkTestApp
{
    /// <summary>
    /// Runs <paramref name="action"/> with a session of <paramref name="bind"/> (default: the default bind) in a scope of its
    /// own, then saves what it changed, as a request would (the saving hooks run too).
    /// </summary>
    public Task WithSessionAsync(Func<Session, Task> action, string? bind = null) =>
        WithSessionAsync<object?>(async session =>
        {
            await action(session);
            return null;
        }, bind);

    /// <inheritdoc cref="WithSessionAsync(Func{Session, Task}, string?)"/>
    /// <returns>What <paramref name="action"/> returned, once the changes are saved.</returns>
    public async Task<T> WithSessionAsync<T>(Func<Session, Task<T>> action, string? bind = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        var session = bind is null ? scope.ServiceProvider.GetRequiredService<Session>() : scope.ServiceProvider.GetRequiredKeyedService<Session>(bind);
        var result = await action(session);
        var context = new HookContext(Events.InitCompleted, scope.ServiceProvider, null, null, default);
        await SessionSaver.SaveAsync(context, scope.ServiceProvider.GetRequiredService<RequestSessions>(), Services.GetRequiredService<HookStore>());
        return result;
    }
}
