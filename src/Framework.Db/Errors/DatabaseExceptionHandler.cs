using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// Answers database failures with the right envelope, never a 500 or a 200: a unique or exclusion violation, a row still
/// referenced by a foreign key, or a concurrency token is 1008 (409); a row that refers to a missing one is 1015 (409);
/// text PostgreSQL cannot store is 1005 (400); other constraint and value errors are 1002 (400); a database that stays
/// unreachable after retries is 1009 (503). Constraint violations name the constraint and its columns in <c>data</c>
/// (never a value), are logged once at information level, and answer the app's own code for a constraint an app mapped
/// (<see cref="ErrorRegistry.MapConstraint"/>). A stopped managed local server (<c>host = local</c>) is logged once, as a
/// warning saying to run <c>fwk db start</c>, not with each request's stack. Runs before the framework's catch-all.
/// </summary>
internal sealed partial class DatabaseExceptionHandler(ILogger<DatabaseExceptionHandler> logger, ErrorCatalog errors) : IExceptionHandler
{
    // The binds whose stopped local server was reported; a bind leaves the set when a later failure finds its server up.
    private readonly ConcurrentDictionary<string, bool> _reportedDown = new(StringComparer.Ordinal);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var code = Classify(exception);
        if (code is null)
        {
            return false;
        }

        var request = httpContext.Request;
        if (code == ErrorCodes.DatabaseUnavailable)
        {
            if (!ReportStoppedLocalServers(httpContext.RequestServices.GetRequiredService<DatabaseBinds>()))
            {
                LogUnavailable(logger, exception, request.Path);
            }

            await Respond.Error(code.Value).ExecuteAsync(httpContext);
            return true;
        }

        object? data = null;
        if (Find<PostgresException>(exception) is { } postgres)
        {
            var binds = httpContext.RequestServices.GetRequiredService<DatabaseBinds>();
            var violation = ConstraintViolation.Describe(postgres, binds.All.Select(b => b.RuntimeModel));
            code = Refine(code.Value, postgres, violation, exception);
            data = code == ErrorCodes.ValidationFailed && errors.CodeForConstraint(violation.Constraint) is null
                ? new Dictionary<string, string[]> { [postgres.ColumnName ?? postgres.ConstraintName ?? "database"] = [postgres.MessageText] }
                : violation.Data;
            code = errors.CodeForConstraint(violation.Constraint) ?? code;
            LogViolation(logger, request.Method, request.Path, postgres.SqlState, violation.Constraint, violation.Columns, violation.Table, code.Value);
        }
        else
        {
            LogConcurrency(logger, request.Method, request.Path, code.Value);
        }

        await Respond.ErrorWithData(code.Value, data).ExecuteAsync(httpContext);
        return true;
    }

    // True when a bind's managed local server is stopped (the likely cause): warned once per outage, not per request.
    private bool ReportStoppedLocalServers(DatabaseBinds binds)
    {
        var anyDown = false;
        foreach (var bind in binds.All)
        {
            if (bind.Engine.Local is not { } local)
            {
                continue;
            }

            if (!local.IsDown)
            {
                _reportedDown.TryRemove(bind.Name, out _);
                continue;
            }

            anyDown = true;
            if (_reportedDown.TryAdd(bind.Name, true))
            {
                LogLocalServerStopped(logger, bind.Name, local.ClusterDirectory);
            }
        }

        return anyDown;
    }

    // A foreign key violation is either a row referring to one that does not exist (insert or update of the referring row:
    // 1015) or a row still referenced that is deleted or rekeyed (1008). PostgreSQL reports both on the referring table;
    // the saved entries (a principal being deleted) or the server's message tell them apart.
    private static int Refine(int code, PostgresException postgres, ConstraintViolation violation, Exception exception)
    {
        if (postgres.SqlState != PostgresErrorCodes.ForeignKeyViolation)
        {
            return code;
        }

        var principal = violation.ForeignKey?.PrincipalEntityType.ClrType;
        var stillReferenced = (exception as DbUpdateException)?.Entries.Any(e =>
                e.State is EntityState.Deleted or EntityState.Modified && (principal is null || principal.IsInstanceOfType(e.Entity)))
            ?? false;
        stillReferenced = stillReferenced && principal is not null
            || postgres.MessageText.StartsWith("update or delete on table", StringComparison.Ordinal);
        return stillReferenced ? ErrorCodes.Conflict : ErrorCodes.RelatedRecordMissing;
    }

    /// <summary>The error code for a database failure, or <see langword="null"/> when it is not one.</summary>
    internal static int? Classify(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return ErrorCodes.Conflict;
        }

        if (Find<PostgresException>(exception) is { } postgres)
        {
            return postgres.SqlState switch
            {
                PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.ExclusionViolation => ErrorCodes.Conflict,
                PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter => ErrorCodes.MalformedBody,
                _ when postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal) => ErrorCodes.ValidationFailed,
                _ when postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) => ErrorCodes.DatabaseUnavailable,
                _ => null,
            };
        }

        // Not an error the server reported (those are PostgresExceptions, above): the exchange with it failed. Besides
        // broken connections and timeouts, Npgsql 10 has failed inside the driver while the server restarted (a
        // NullReferenceException from NpgsqlDataReader.NextResult, "BindComplete while expecting ParseComplete").
        return exception is RetryLimitExceededException || Find<NpgsqlException>(exception) is not null
            || exception is { Source: "Npgsql" } or DbUpdateException { InnerException.Source: "Npgsql" }
            ? ErrorCodes.DatabaseUnavailable
            : null;
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable for {Path}.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bind '{Bind}': the local PostgreSQL in {ClusterDirectory} is not running: run `fwk db start` (or `dotnet run -- db start`). Until then requests that need it answer 1009.")]
    private static partial void LogLocalServerStopped(ILogger logger, string bind, string clusterDirectory);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The database rejected {Method} {Path}: SQLSTATE {SqlState}, constraint {Constraint} (columns: {Columns}) of table {Table}; answered {Code}.")]
    private static partial void LogViolation(ILogger logger, string method, PathString path, string sqlState, string? constraint, IReadOnlyList<string> columns, string? table, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database rejected {Method} {Path}: a row it saves changed or vanished since it was read; answered {Code}.")]
    private static partial void LogConcurrency(ILogger logger, string method, PathString path, int code);
}
