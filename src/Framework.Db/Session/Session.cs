using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>
/// The request's database session: an EF Core context over the models of every active app (one model, so models
/// of different apps can relate). Bind it as a handler or hook parameter. It is rented from a pool on first use in
/// a request, saved on success_response before the response starts, never saved after an error, and returned to the
/// pool when the request ends. A session is never shared between requests.
/// </summary>
public sealed class Session : DbContext
{
    /// <summary>Created by the framework's context pool.</summary>
    public Session(DbContextOptions<Session> options)
        : base(options)
    {
    }

    /// <summary>
    /// Finds <typeparamref name="T"/> by primary key, or throws <see cref="FwkException"/> with the app's
    /// <paramref name="errorCode"/> (its message is formatted with the key), answered as that code's status (e.g. 404).
    /// </summary>
    public async Task<T> FindOr404Async<T>(object key, int errorCode, CancellationToken cancellationToken = default)
        where T : class =>
        await Set<T>().FindAsync([key], cancellationToken) ?? throw new FwkException(errorCode, key);

    /// <summary>Builds the model from the active apps' models (once per application; EF Core caches it).</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var services = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("The session was created outside a Fwk application.");
        ModelComposer.Compose(modelBuilder, services.GetRequiredService<AppCatalog>());
    }
}
