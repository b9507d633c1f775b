using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>
/// Says which server each kind of session reaches, and reads probes through a read session: counted by EF Core, or paged
/// by the read session's own SQL (its fast path for a plain table).
/// </summary>
public sealed class ReplicasApp : IApp
{
    public IEnumerable<Type> DependsOn => [typeof(ProbesApp)];

    public void Configure(AppBuilder app)
    {
        app.Routes.MapGet("/replica/where", async (ReadSession read, Session write) => Respond.Success(new
        {
            Read = await InRecoveryAsync(read.Database),
            Write = await InRecoveryAsync(write.Database),
        }));
        app.Routes.MapGet("/replica/count", async (ReadSession read) => Respond.Success(new { Count = await read.Set<Probe>().CountAsync() }));
        app.Routes.MapGet("/replica/page", async (ReadSession read) => Respond.Success(await read.PageAsync<Probe>(0, 1)));
    }

    private static Task<bool> InRecoveryAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.SqlQueryRaw<bool>("select pg_is_in_recovery() as \"Value\"").SingleAsync();
}
