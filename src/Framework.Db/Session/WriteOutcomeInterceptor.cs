using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Fwk.Db;

/// <summary>
/// Marks a session whose write may have committed although it failed: a save's command that ran outside a transaction
/// (it commits on its own), or a commit, broke off without an answer from the server. A <see cref="PostgresException"/>
/// is the server's answer that nothing was committed, so retrying after one is safe.
/// </summary>
internal sealed class WriteOutcomeInterceptor : IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>The interceptor holds no state of its own: one instance serves every session.</summary>
    public static readonly WriteOutcomeInterceptor Instance = new();

    private WriteOutcomeInterceptor()
    {
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (eventData.CommandSource == CommandSource.SaveChanges && command.Transaction is null)
        {
            MarkIfUnanswered(eventData.Context, eventData.Exception);
        }
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action == "Commit")
        {
            MarkIfUnanswered(eventData.Context, eventData.Exception);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void MarkIfUnanswered(Microsoft.EntityFrameworkCore.DbContext? context, Exception exception)
    {
        if (context is Session session && exception is not PostgresException)
        {
            session.WriteOutcomeUnknown = true;
        }
    }
}
