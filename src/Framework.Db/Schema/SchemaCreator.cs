using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// create_db and drop_db of one bind: the database itself through the admin database (quoted identifier), and, for a
/// bind without migrations, the tables of its models. Only missing tables are created (with their indexes and foreign keys, including foreign keys of
/// existing tables that point at them), in foreign-key order, in one transaction, so running it twice or on a partial
/// schema is safe.
/// </summary>
internal static class SchemaCreator
{
    /// <summary>The maintenance database used to create and drop the project's database.</summary>
    public const string AdminDatabase = "postgres";

    /// <summary>Creates the database when missing; returns whether it did.</summary>
    public static async Task<bool> CreateDatabaseAsync(DatabaseEngine engine, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString(AdminDatabase));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", engine.Settings.Name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(engine.Settings.Name)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            return false; // another instance created it a moment ago
        }
    }

    /// <summary>Drops the database (closing its connections); returns whether it existed.</summary>
    public static async Task<bool> DropDatabaseAsync(DatabaseEngine engine, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(engine.ConnectionString(AdminDatabase));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", engine.Settings.Name);
        var existed = await exists.ExecuteScalarAsync(cancellationToken) is not null;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(engine.Settings.Name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return existed;
    }

    /// <summary>Creates the tables that do not exist yet; returns (app, table) for each one created, in creation order.</summary>
    public static async Task<IReadOnlyList<(string App, string Table)>> CreateMissingTablesAsync(Session session, CancellationToken cancellationToken)
    {
        var model = session.GetService<IDesignTimeModel>().Model;
        var existing = await ExistingTablesAsync(session, cancellationToken);
        var all = session.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var created = all.OfType<CreateTableOperation>().Where(t => !existing.Contains(Key(t.Schema, t.Name))).Select(t => Key(t.Schema, t.Name)).ToHashSet();
        var operations = all.Where(operation => operation switch
        {
            CreateTableOperation table => created.Contains(Key(table.Schema, table.Name)),
            AddForeignKeyOperation key => created.Contains(Key(key.Schema, key.Table)) || created.Contains(Key(key.PrincipalSchema, key.PrincipalTable)),
            ITableMigrationOperation table => created.Contains(Key(table.Schema, table.Table)),
            EnsureSchemaOperation or AlterDatabaseOperation => true,
            _ => false,
        }).ToList();

        // An existing table may reference a table created now: its foreign key could not exist yet, so add it
        // (keys that break a cycle come as separate operations and are kept above).
        operations.AddRange(all.OfType<CreateTableOperation>()
            .Where(t => !created.Contains(Key(t.Schema, t.Name)))
            .SelectMany(t => t.ForeignKeys)
            .Where(fk => created.Contains(Key(fk.PrincipalSchema, fk.PrincipalTable))));
        if (created.Count == 0)
        {
            return [];
        }

        var commands = session.GetService<IMigrationsSqlGenerator>().Generate(operations, model, MigrationsSqlGenerationOptions.Default);
        await session.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, session.GetService<IRelationalConnection>(), cancellationToken);
        return [.. all.OfType<CreateTableOperation>()
            .Where(t => created.Contains(Key(t.Schema, t.Name)))
            .Select(t => (Owner(model, session.BindModel, t), t.Name))];
    }

    /// <summary>Quotes a PostgreSQL identifier: wrapped in double quotes, embedded quotes doubled.</summary>
    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Owner(IModel model, BindModel bindModel, CreateTableOperation table)
    {
        var entity = model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == table.Name && e.GetSchema() == table.Schema);
        return entity is null ? "-" : bindModel.OwnerOf(entity.ClrType);
    }

    private static async Task<HashSet<string>> ExistingTablesAsync(Session session, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)session.Database.GetDbConnection();
        await session.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT table_schema, table_name, current_schema() FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
                connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tables = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                var schema = reader.GetString(0);
                tables.Add(Key(schema == reader.GetString(2) ? null : schema, reader.GetString(1)));
            }

            return tables;
        }
        finally
        {
            await session.Database.CloseConnectionAsync();
        }
    }

    private static string Key(string? schema, string table) => $"{schema}.{table}";
}
