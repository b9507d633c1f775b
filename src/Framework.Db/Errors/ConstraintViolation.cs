using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// What a constraint violation names: the constraint and its columns, read from the EF Core model (the index, key or
/// foreign key of that name on that table), else the column PostgreSQL reports. Never the values: PostgreSQL's detail
/// (<c>Key (email)=(ada@example.com) already exists</c>) holds another row's data, and is not read.
/// </summary>
/// <param name="Constraint">The constraint's name, as PostgreSQL reports it.</param>
/// <param name="Table">The table it belongs to.</param>
/// <param name="Columns">Its columns, when known.</param>
/// <param name="ForeignKey">The foreign key of that name in the model, when it is one.</param>
internal sealed record ConstraintViolation(string? Constraint, string? Table, IReadOnlyList<string> Columns, IForeignKey? ForeignKey)
{
    /// <summary>The envelope's <c>data</c>: <c>{"constraint": "ix_users_email", "columns": ["email"]}</c>.</summary>
    public Dictionary<string, object?> Data => new(StringComparer.Ordinal) { ["constraint"] = Constraint, ["columns"] = Columns };

    /// <summary>Describes <paramref name="postgres"/>'s constraint with the first of <paramref name="models"/> that knows it.</summary>
    public static ConstraintViolation Describe(PostgresException postgres, IEnumerable<IModel> models)
    {
        var name = postgres.ConstraintName;
        if (name is not null)
        {
            foreach (var entity in models.SelectMany(m => m.GetEntityTypes()))
            {
                if (entity.GetTableName() is not { } table || (postgres.TableName is { } reported && reported != table))
                {
                    continue;
                }

                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                if (entity.GetForeignKeys().FirstOrDefault(fk => fk.GetConstraintName() == name) is { } foreignKey)
                {
                    return new(name, table, ColumnsOf(foreignKey.Properties, store), foreignKey);
                }

                var properties = entity.GetIndexes().FirstOrDefault(i => i.GetDatabaseName() == name)?.Properties
                    ?? entity.GetKeys().FirstOrDefault(k => k.GetName() == name)?.Properties;
                if (properties is not null)
                {
                    return new(name, table, ColumnsOf(properties, store), null);
                }
            }
        }

        return new(name, postgres.TableName, postgres.ColumnName is { } column ? [column] : [], null);
    }

    private static string[] ColumnsOf(IReadOnlyList<IProperty> properties, StoreObjectIdentifier store) =>
        [.. properties.Select(p => p.GetColumnName(store) ?? p.Name)];
}
