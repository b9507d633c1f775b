using Microsoft.EntityFrameworkCore;

namespace Fwk.Db;

/// <summary>
/// What one bind's schema is made of, as text that changes whenever the schema would: its migrations (ids and SQL) when
/// the project has them, else the SQL that creates its tables. Computed without a database (a test template built from
/// it is rebuilt when the model changes).
/// </summary>
internal static class SchemaFingerprint
{
    public static string Of(DatabaseBind bind)
    {
        var migrations = new MigrationRunner(bind);
        if (migrations.HasMigrations)
        {
            return $"migrations {string.Join(',', migrations.All)}\n{migrations.Script(null)}";
        }

        using var session = bind.CreateSession();
        return "tables\n" + session.Database.GenerateCreateScript();
    }
}
