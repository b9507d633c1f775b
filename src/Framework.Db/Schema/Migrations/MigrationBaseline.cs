using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// A database whose tables <c>create_db</c> made before the project's first migration existed: it has the first migration's
/// tables but no migration history, so applying that migration would fail (<c>42P07</c>, relation already exists). When
/// its tables are exactly what the first migration creates, the migration is recorded as applied without running it (as
/// <c>alembic stamp</c> does); otherwise upgrading stops saying what differs and what to run.
/// </summary>
/// <remarks>
/// "Exactly" is judged by PostgreSQL itself: the first migration's SQL runs in a scratch schema inside a transaction that
/// is rolled back, and both schemas' columns (type, nullability, identity, default), constraints and indexes are compared
/// as the catalog prints them.
/// </remarks>
internal static class MigrationBaseline
{
    private const string Scratch = "fwk_baseline_check";

    // Every column, constraint and index of the tables @tables of schema @schema, one line each.
    private const string ShapeQuery = """
        select c.relname::text || '.' || a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod)
                || case when a.attnotnull then ' not null' else '' end
                || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
                || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where n.nspname = @schema and c.relname = any(@tables) and a.attnum > 0 and not a.attisdropped
        union all
        select c.relname::text || ' constraint ' || k.conname::text || ' ' || pg_get_constraintdef(k.oid)
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = @schema and c.relname = any(@tables)
        union all
        select c.relname::text || ' index ' || pg_get_indexdef(x.indexrelid)
            from pg_index x join pg_class c on c.oid = x.indrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = @schema and c.relname = any(@tables)
        """;

    /// <summary>
    /// Called under the migration lock when the database has applied no migration. Records <paramref name="firstId"/> as
    /// applied when its tables already exist as it would create them and returns true; returns false when none of them
    /// exists (the migration should run).
    /// </summary>
    /// <exception cref="InvalidOperationException">Some of its tables exist but differ from it.</exception>
    public static async Task<bool> AdoptAsync(DatabaseBind bind, Session session, string firstId, CancellationToken cancellationToken)
    {
        await using var connection = await bind.Engine.DataSource.OpenConnectionAsync(cancellationToken);
        string schema;
        await using (var current = Command(connection, "select current_schema()"))
        {
            schema = (string)(await current.ExecuteScalarAsync(cancellationToken))!;
        }

        // The usual first upgrade, on an empty database, needs no comparison.
        if ((await TablesAsync(connection, schema, cancellationToken)).Length == 0)
        {
            return false;
        }

        var script = session.GetService<IMigrator>().GenerateScript(null, firstId, MigrationsSqlGenerationOptions.NoTransactions);

        string[] tables;
        HashSet<string> expected;
        HashSet<string> existing;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, $"create schema {Scratch}; set local search_path to {Scratch};\n{script}", cancellationToken);
            tables = await TablesAsync(connection, Scratch, cancellationToken);
            expected = await ShapeAsync(connection, Scratch, tables, cancellationToken);
            existing = await ShapeAsync(connection, schema, tables, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }

        if (existing.Count == 0)
        {
            return false;
        }

        if (!existing.SetEquals(expected))
        {
            var missing = expected.Except(existing).Order(StringComparer.Ordinal).Select(line => $"  migration has, database lacks: {line}");
            var extra = existing.Except(expected).Order(StringComparer.Ordinal).Select(line => $"  database has, migration lacks: {line}");
            throw new InvalidOperationException(
                $"Bind '{bind.Name}': database '{bind.Settings.Name}' already has tables of the first migration {firstId} "
                + $"({string.Join(", ", tables)}) but no migration history, and they differ from what that migration creates:\n"
                + string.Join('\n', missing.Concat(extra)) + "\n"
                + "To start over (this deletes the database's data): run `fwk reset_db --yes`. To keep the data: change the tables "
                + "to match the migration (`fwk db upgrade --sql` prints what it creates), then run `fwk db upgrade` again.");
        }

        var history = session.GetService<IHistoryRepository>();
        var stamp = history.GetCreateIfNotExistsScript() + "\n" + history.GetInsertScript(new HistoryRow(firstId, ProductInfo.GetVersion()));
        await ExecuteAsync(connection, stamp, cancellationToken);
        return true;
    }

    private static async Task<string[]> TablesAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "select array_agg(tablename::text order by tablename) from pg_tables where schemaname = @schema and tablename <> @history");
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("history", HistoryRepository.DefaultTableName);
        return await command.ExecuteScalarAsync(cancellationToken) as string[] ?? [];
    }

    // The catalog qualifies names outside the search path with their schema: without it both schemas read alike.
    private static async Task<HashSet<string>> ShapeAsync(NpgsqlConnection connection, string schema, string[] tables, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, ShapeQuery);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("tables", tables);
        var qualifier = new Regex($"(?<![\\w\"])\"?{Regex.Escape(schema)}\"?\\.", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var lines = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(qualifier.Replace(reader.GetString(0), string.Empty));
        }

        return lines;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection);
}
