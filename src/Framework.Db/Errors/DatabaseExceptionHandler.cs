using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// Answers database failures with the right envelope, never a 500 or a 200: conflicts (unique, foreign key, exclusion,
/// concurrency token) are 1008 (409), text PostgreSQL cannot store is 1005 (400), other constraint and value errors are
/// 1002 (400), and a database that stays unreachable after retries is 1009 (503). Runs before the framework's catch-all.
/// </summary>
internal sealed partial class DatabaseExceptionHandler(ILogger<DatabaseExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var code = Classify(exception);
        if (code is null)
        {
            return false;
        }

        var postgres = Find<PostgresException>(exception);
        if (code == ErrorCodes.DatabaseUnavailable)
        {
            LogUnavailable(logger, exception, httpContext.Request.Path);
        }
        else
        {
            LogRejected(logger, code.Value, postgres?.SqlState, httpContext.Request.Path);
        }

        var data = postgres is not null && code == ErrorCodes.ValidationFailed
            ? new Dictionary<string, string[]> { [postgres.ColumnName ?? postgres.ConstraintName ?? "database"] = [postgres.MessageText] }
            : null;
        await Respond.ErrorWithData(code.Value, data).ExecuteAsync(httpContext);
        return true;
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "The database rejected the changes of {Path} (error {Code}, SQLSTATE {SqlState}).")]
    private static partial void LogRejected(ILogger logger, int code, string? sqlState, PathString path);
}
