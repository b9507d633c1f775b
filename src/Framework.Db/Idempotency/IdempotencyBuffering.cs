using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fwk.Db;

/// <summary>
/// Keeps the body of a request with an <c>Idempotency-Key</c> readable twice: once by the handler's parameter binding,
/// then by <see cref="IdempotencyFilter"/>, which hashes it. Other requests are left as they are.
/// </summary>
internal sealed class IdempotencyBuffering : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IdempotencyFilter.Applies(context.Request))
            {
                context.Request.EnableBuffering();
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
