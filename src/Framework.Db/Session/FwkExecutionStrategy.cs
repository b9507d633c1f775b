using Fwk.Db.Local;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Fwk.Db;

/// <summary>
/// Npgsql's retry strategy (5 retries, at most 2 s apart, for transient failures: a restarting server, broken
/// connections) with two exceptions, so that a retry never writes twice: nothing is retried inside a transaction the
/// framework or the handler opened (the transaction is gone; the caller decides), and a write is not retried when its
/// commit may have happened (<see cref="Session.WriteOutcomeUnknown"/>): that request answers 1009 instead. Nor is
/// anything retried while the bind's managed local server (<c>host = local</c>) is stopped: no retry can succeed until
/// someone runs <c>fwk db start</c>, so the request answers 1009 at once instead of after ~7 s of retries.
/// </summary>
internal sealed class FwkExecutionStrategy(ExecutionStrategyDependencies dependencies, LocalPostgres? local)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    /// <inheritdoc/>
    /// <remarks>EF Core refuses to start inside a transaction when it could retry; this strategy never retries there.</remarks>
    protected override void OnFirstExecution()
    {
        if (InTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    /// <inheritdoc/>
    protected override bool ShouldRetryOn(Exception? exception) =>
        !InTransaction
        && Dependencies.CurrentContext.Context is not Session { WriteOutcomeUnknown: true }
        && local is not { IsDown: true }
        && base.ShouldRetryOn(exception);
}
