using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>
/// Leaves state on the request's connection: a session setting (<c>set_config(…, false)</c>), or a transaction-local one in a
/// transaction the handler opens and then fails in; and reports what the next request's connection still has.
/// </summary>
public sealed class SessionStateApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapPost("/state/{value}", async (string value, Session db) =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT set_config('fwk.probe', {value}, false)");
            return Respond.Success();
        });
        app.Routes.MapPost("/state/in-transaction-then-fail", async (Session db) =>
        {
            await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT set_config('fwk.in_transaction', 'yes', true)");
            throw new InvalidOperationException("fails with its transaction open");
        });
        app.Routes.MapGet("/state", async (Session db) => Respond.Success(new
        {
            Probe = await SettingAsync(db, "fwk.probe"),
            InTransaction = await SettingAsync(db, "fwk.in_transaction"),
        }));
    }

    private static Task<string> SettingAsync(Session db, string name) =>
        db.Database.SqlQuery<string>($"SELECT coalesce(current_setting({name}, true), '') AS \"Value\"").SingleAsync();
}
