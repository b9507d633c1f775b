using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fwk.Db;

/// <summary>The session's <see cref="ISaveParticipant"/>s: rows written with its saves without change tracking.</summary>
public sealed partial class Session
{
    private readonly List<ISaveParticipant> _participants = [];
    private readonly List<ISaveParticipant> _written = [];
    private DbTransaction? _writtenIn;

    /// <summary>
    /// Whether a save has something to write: tracked changes (<see cref="Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker.HasChanges"/>)
    /// or rows of a <see cref="ISaveParticipant"/>. Code that saves sessions it did not fill (a package's scope) asks this.
    /// </summary>
    public bool HasChangesToSave => HasParticipantRows || ChangeTracker.HasChanges();

    private bool HasParticipantRows => _participants.Exists(participant => participant.HasRows);

    /// <summary>
    /// Writes <paramref name="participant"/>'s rows with this session's saves, in the same transaction as its changes (see
    /// <see cref="ISaveParticipant"/>), from the next save until the session goes back to its pool. Registering it again
    /// has no effect.
    /// </summary>
    public void SaveWith(ISaveParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (!_participants.Contains(participant))
        {
            _participants.Add(participant);
        }
    }

    /// <summary>
    /// Appends the participants' statements to <paramref name="command"/>, a command of a save, unless an earlier command in
    /// the same transaction carries them. A command outside a transaction is a save of one command (or a retry of one).
    /// </summary>
    internal void AppendParticipants(DbCommand command)
    {
        if (!HasParticipantRows || (command.Transaction is { } transaction && ReferenceEquals(transaction, _writtenIn)))
        {
            return;
        }

        _written.Clear();
        _writtenIn = command.Transaction;
        var text = new StringBuilder(command.CommandText.TrimEnd());
        if (text.Length > 0 && text[^1] != ';')
        {
            text.Append(';');
        }

        foreach (var participant in _participants.Where(participant => participant.HasRows))
        {
            text.Append('\n').Append(participant.WriteStatement(((NpgsqlCommand)command).Parameters)).Append(';');
            _written.Add(participant);
        }

        command.CommandText = text.ToString();
    }

    // After EF Core's save: what went with its commands is saved; rows it sent no command for (none tracked, or added by a
    // SavedChanges handler) are written now, on their own, in the session's transaction when one is open.
    private async Task FinishParticipantsSaveAsync(CancellationToken cancellationToken)
    {
        MarkWrittenSaved();
        if (!HasParticipantRows)
        {
            return;
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = ParticipantsCommand();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }

        MarkWrittenSaved();
    }

    private void FinishParticipantsSave()
    {
        MarkWrittenSaved();
        if (!HasParticipantRows)
        {
            return;
        }

        Database.OpenConnection();
        try
        {
            using var command = ParticipantsCommand();
            command.ExecuteNonQuery();
        }
        finally
        {
            Database.CloseConnection();
        }

        MarkWrittenSaved();
    }

    private NpgsqlCommand ParticipantsCommand()
    {
        var command = (NpgsqlCommand)Database.GetDbConnection().CreateCommand();
        command.Transaction = (NpgsqlTransaction?)Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = Database.GetCommandTimeout() ?? command.CommandTimeout;
        command.CommandText = string.Empty;
        ResetWritten();
        AppendParticipants(command);
        return command;
    }

    private void MarkWrittenSaved()
    {
        foreach (var participant in _written)
        {
            participant.Saved();
        }

        ResetWritten();
    }

    private void ResetWritten()
    {
        _written.Clear();
        _writtenIn = null;
    }

    private void ClearParticipants()
    {
        _participants.Clear();
        ResetWritten();
    }
}
