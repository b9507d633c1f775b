using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// The read session's fast path for a plain table: one row by key, or a page ordered by key with the total count, read
/// with SQL written once from the EF Core model and materialized by a compiled delegate, on a connection of the session's
/// data source. That skips EF Core's query pipeline, which costs as much per request as the rest of Fwk's request path.
/// The first attempt runs as it is; a transient failure (a broken connection, a server going away) hands the read to the
/// session's retry strategy, which runs it again as it runs EF Core's queries. A plain table is an entity of its own table (no inheritance, query filter, owned or complex type, eager
/// navigation or value converter; public settable members and constructor): anything else reads through EF Core.
/// </summary>
internal sealed class TableReader<T>
    where T : class
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<TableReader<T>?>> Readers = [];

    private readonly string _byKey;
    private readonly string _count;
    private readonly string _page;
    private readonly Func<NpgsqlDataReader, T> _materialize;

    private TableReader(IReadOnlyList<string> columns, string table, string key, Type? keyType, Func<NpgsqlDataReader, T> materialize)
    {
        KeyType = keyType;
        Columns = columns;
        var selected = string.Join(", ", columns.Select(Quote));
        _byKey = $"SELECT {selected} FROM {table} WHERE {key} = $1";
        _count = $"SELECT count(*) FROM {table}";
        _page = $"SELECT {selected} FROM {table} ORDER BY {key} LIMIT $1 OFFSET $2";
        _materialize = materialize;
    }

    /// <summary>The type of the key when it is one column (what <see cref="FindOr404Async"/> needs), else null.</summary>
    public Type? KeyType { get; }

    /// <summary>The columns read, in the order they are selected.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The reader of <typeparamref name="T"/> in <paramref name="model"/>, or null when it is not a plain table.</summary>
    public static TableReader<T>? For(IModel model) => Readers.GetValue(model, m => new(Create(m))).Value;

    /// <summary>
    /// The row whose key is <paramref name="key"/> (converted to the key's type); when there is none, throws
    /// <see cref="FwkException"/> with <paramref name="errorCode"/> (as <see cref="ReadSession.FindOr404Async{T}"/>).
    /// </summary>
    public Task<T> FindOr404Async(ReadSession session, object key, int errorCode, CancellationToken cancellationToken) =>
        ExecuteAsync(
            session,
            (Reader: this, Key: key, Value: ConvertKey(key, KeyType!), ErrorCode: errorCode),
            static (source, state, token) => state.Reader.FindOnceAsync(source, state.Key, state.Value, state.ErrorCode, token),
            cancellationToken);

    /// <summary>The total count and the rows from <paramref name="offset"/>, at most <paramref name="limit"/>, in one round trip.</summary>
    public Task<Page<T>> PageAsync(ReadSession session, int offset, int limit, CancellationToken cancellationToken) =>
        ExecuteAsync(session, (Reader: this, Offset: offset, Limit: limit), static (source, state, token) => state.Reader.PageOnceAsync(source, state.Offset, state.Limit, token), cancellationToken);

    // The state is a value tuple and the reads static lambdas, so a read allocates no closure.
    private static async Task<TResult> ExecuteAsync<TState, TResult>(
        ReadSession session, TState state, Func<NpgsqlDataSource, TState, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read(session.DataSource, state, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException { IsTransient: true } or TimeoutException
            && session.Context.Database.CreateExecutionStrategy() is { RetriesOnFailure: true } strategy)
        {
            return await strategy.ExecuteAsync(
                (session.DataSource, state, read),
                static (_, retry, token) => retry.read(retry.DataSource, retry.state, token),
                null,
                cancellationToken);
        }
    }

    private async Task<T> FindOnceAsync(NpgsqlDataSource dataSource, object key, object value, int errorCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(_byKey);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? _materialize(reader) : throw new FwkException(errorCode, key);
    }

    private async Task<Page<T>> PageOnceAsync(NpgsqlDataSource dataSource, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(_count));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(_page) { Parameters = { new NpgsqlParameter<int> { TypedValue = limit }, new NpgsqlParameter<int> { TypedValue = offset } } });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>(Math.Min(limit, 1000));
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(_materialize(reader));
        }

        return new Page<T>(count, items);
    }

    private static object ConvertKey(object key, Type keyType) =>
        key.GetType() == keyType ? key
        : key is IConvertible && typeof(IConvertible).IsAssignableFrom(keyType) ? Convert.ChangeType(key, keyType, System.Globalization.CultureInfo.InvariantCulture)
        : throw new ArgumentException($"The key of '{typeof(T).Name}' is a {keyType.Name}, not a {key.GetType().Name}.", nameof(key));

    private static TableReader<T>? Create(IModel model)
    {
        if (model.FindEntityType(typeof(T)) is not { } entity || !IsPlainTable(entity) || typeof(T).GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = InCreationOrder(entity);
        if (properties.Any(p => p.IsShadowProperty() || p.GetTypeMapping().Converter is not null || p.PropertyInfo is not { SetMethod.IsPublic: true, GetMethod.IsPublic: true }))
        {
            return null;
        }

        var key = entity.FindPrimaryKey()!.Properties;
        return new TableReader<T>(
            [.. properties.Select(p => p.GetColumnName(table)!)],
            (table.Schema is { } schema ? Quote(schema) + "." : string.Empty) + Quote(table.Name),
            string.Join(", ", key.Select(p => Quote(p.GetColumnName(table)!))),
            key is [var single] ? single.ClrType : null,
            Materializer(properties));
    }

    // The columns as EF Core's migrations create the table: the key, then as the CLR type declares them (base types first;
    // an explicit column order is not in the runtime model and is not followed). PostgreSQL returns a scanned row as stored when the select list matches it and projects each
    // scanned row otherwise: a page read costs the server ~15 % more in another order (pgbench -M prepared, 400 rows).
    private static List<IProperty> InCreationOrder(IEntityType entity)
    {
        var key = entity.FindPrimaryKey()!.Properties.Select((property, index) => (property, index)).ToDictionary();
        return [.. entity.GetProperties()
            .OrderBy(p => key.GetValueOrDefault(p, key.Count))
            .ThenBy(p => p.PropertyInfo?.DeclaringType is { } declaring ? Depth(declaring) : int.MaxValue)
            .ThenBy(p => p.PropertyInfo?.MetadataToken ?? int.MaxValue)];
    }

    private static int Depth(Type type) => type.BaseType is { } parent ? Depth(parent) + 1 : 0;

    private static bool IsPlainTable(IEntityType entity) =>
        entity.GetTableName() is not null && entity.GetViewName() is null && entity.GetSqlQuery() is null && entity.GetFunctionName() is null
        && entity.BaseType is null && !entity.GetDirectlyDerivedTypes().Any()
        && entity.GetDeclaredQueryFilters().Count == 0
        && !entity.GetComplexProperties().Any()
        && !entity.GetNavigations().Any(n => n.IsEagerLoaded || n.TargetEntityType.IsOwned())
        && entity.FindPrimaryKey() is not null;

    // reader => new T { A = reader.GetFieldValue<int>(0), B = reader.IsDBNull(1) ? null : reader.GetFieldValue<string>(1), … }
    private static Func<NpgsqlDataReader, T> Materializer(IReadOnlyList<IProperty> properties)
    {
        var reader = Expression.Parameter(typeof(NpgsqlDataReader), "reader");
        var bindings = properties.Select((property, ordinal) =>
        {
            var type = property.ClrType;
            var stored = Nullable.GetUnderlyingType(type) ?? type;
            Expression value = Expression.Call(reader, nameof(NpgsqlDataReader.GetFieldValue), [stored], Expression.Constant(ordinal));
            if (property.IsNullable)
            {
                var isNull = Expression.Call(reader, nameof(NpgsqlDataReader.IsDBNull), null, Expression.Constant(ordinal));
                value = Expression.Condition(isNull, Expression.Default(type), Expression.Convert(value, type));
            }

            return (MemberBinding)Expression.Bind(property.PropertyInfo!, value);
        });
        return Expression.Lambda<Func<NpgsqlDataReader, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), reader).Compile();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
