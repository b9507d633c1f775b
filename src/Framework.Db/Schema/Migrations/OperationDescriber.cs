using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Fwk.Db;

/// <summary>
/// Says what a migration does, one line per operation, grouped by the app whose table it touches:
/// <c>UsersApp: users: add column phone</c>. Operations that can lose rows or values (dropping a table or column, a
/// narrowing type change) end with <see cref="LossMarker"/>.
/// </summary>
internal static class OperationDescriber
{
    /// <summary>The flag on operations that lose data.</summary>
    public const string LossMarker = "  [may lose data]";

    /// <summary>One line per operation, in order; <paramref name="model"/> (the current model) tells which app owns each table.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<MigrationOperation> operations, IModel model, BindModel bindModel) =>
        [.. operations.Select(operation => Line(operation, model, bindModel))];

    /// <summary>Whether <paramref name="operation"/> can lose data.</summary>
    public static bool LosesData(MigrationOperation operation) =>
        operation.IsDestructiveChange || operation is DropTableOperation or DropColumnOperation;

    private static string Line(MigrationOperation operation, IModel model, BindModel bindModel)
    {
        var (table, what) = Describe(operation);
        var owner = table is null
            ? null
            : model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == table) is { } entity ? bindModel.OwnerOf(entity.ClrType) : "-";
        var prefix = table is null ? string.Empty : $"{owner}: {table}: ";
        return prefix + what + (LosesData(operation) ? LossMarker : string.Empty);
    }

    private static (string? Table, string What) Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => (o.Name, $"create table ({string.Join(", ", o.Columns.Select(c => c.Name))})"),
        DropTableOperation o => (o.Name, "drop table"),
        RenameTableOperation o => (o.Name, $"rename table to {o.NewName}"),
        AddColumnOperation o => (o.Table, $"add column {o.Name} ({TypeOf(o)}{(o.IsNullable ? ", nullable" : string.Empty)})"),
        DropColumnOperation o => (o.Table, $"drop column {o.Name}"),
        RenameColumnOperation o => (o.Table, $"rename column {o.Name} to {o.NewName}"),
        AlterColumnOperation o => (o.Table, $"alter column {o.Name} ({Change(o)})"),
        CreateIndexOperation o => (o.Table, $"create {(o.IsUnique ? "unique " : string.Empty)}index {o.Name} ({string.Join(", ", o.Columns)})"),
        DropIndexOperation o => (o.Table, $"drop index {o.Name}"),
        RenameIndexOperation o => (o.Table, $"rename index {o.Name} to {o.NewName}"),
        AddForeignKeyOperation o => (o.Table, $"add foreign key {o.Name} → {o.PrincipalTable}"),
        DropForeignKeyOperation o => (o.Table, $"drop foreign key {o.Name}"),
        AddPrimaryKeyOperation o => (o.Table, $"add primary key {o.Name}"),
        DropPrimaryKeyOperation o => (o.Table, $"drop primary key {o.Name}"),
        AddUniqueConstraintOperation o => (o.Table, $"add unique constraint {o.Name}"),
        DropUniqueConstraintOperation o => (o.Table, $"drop unique constraint {o.Name}"),
        AddCheckConstraintOperation o => (o.Table, $"add check {o.Name} ({o.Sql})"),
        DropCheckConstraintOperation o => (o.Table, $"drop check {o.Name}"),
        InsertDataOperation o => (o.Table, $"insert {o.Values.GetLength(0)} row(s)"),
        UpdateDataOperation o => (o.Table, $"update {o.KeyValues.GetLength(0)} row(s)"),
        DeleteDataOperation o => (o.Table, $"delete {o.KeyValues.GetLength(0)} row(s)"),
        AlterTableOperation o => (o.Name, "alter table"),
        EnsureSchemaOperation o => (null, $"create schema {o.Name}"),
        DropSchemaOperation o => (null, $"drop schema {o.Name}"),
        CreateSequenceOperation o => (null, $"create sequence {o.Name}"),
        DropSequenceOperation o => (null, $"drop sequence {o.Name}"),
        AlterDatabaseOperation => (null, "alter database (extensions, collations or enums)"),
        SqlOperation => (null, "run SQL"),
        _ => (null, operation.GetType().Name.Replace("Operation", string.Empty, StringComparison.Ordinal)),
    };

    private static string Change(AlterColumnOperation operation)
    {
        var old = operation.OldColumn;
        var changes = new List<string>();
        if (old.ColumnType != operation.ColumnType || old.ClrType != operation.ClrType || old.MaxLength != operation.MaxLength)
        {
            changes.Add($"type {TypeOf(old)} → {TypeOf(operation)}");
        }

        if (old.IsNullable != operation.IsNullable)
        {
            changes.Add(operation.IsNullable ? "now nullable" : "now required");
        }

        if (old.DefaultValue?.Equals(operation.DefaultValue) == false || old.DefaultValueSql != operation.DefaultValueSql)
        {
            changes.Add("default changed");
        }

        return changes.Count == 0 ? "details changed" : string.Join(", ", changes);
    }

    // The store type (it holds the length: character varying(100)), else the CLR type and length.
    private static string TypeOf(ColumnOperation column) =>
        column.ColumnType ?? column.ClrType.Name + (column.MaxLength is { } length ? $"({length})" : string.Empty);
}
