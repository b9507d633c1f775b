using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fwk.Db;

/// <summary>
/// Appends the statements of a session's <see cref="ISaveParticipant"/>s to the first command its save sends, so they run in
/// the save's transaction and round trip. Holds no state: one instance serves every session.
/// </summary>
internal sealed class SaveParticipantsInterceptor : DbCommandInterceptor
{
    public static readonly SaveParticipantsInterceptor Instance = new();

    private SaveParticipantsInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Append(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource == CommandSource.SaveChanges && eventData.Context is Session session)
        {
            session.AppendParticipants(command);
        }
    }
}
