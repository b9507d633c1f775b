using Npgsql;

namespace Fwk.Db;

/// <summary>
/// Rows a package writes with a <see cref="Session"/>'s save without EF Core's change tracking (Fwk.Jobs' jobs), registered
/// with <see cref="Session.SaveWith"/>. Its statement goes in the same transaction as the session's changes, and in the
/// same round trip: it is appended to the first command the save sends (EF Core's batch of one command runs in one implicit
/// transaction with it), or sent alone when the save sends none. Cheaper than a tracked entity for rows nobody reads back.
/// </summary>
public interface ISaveParticipant
{
    /// <summary>Whether rows wait to be written: the session then has changes to save (<see cref="Session.HasChangesToSave"/>).</summary>
    bool HasRows { get; }

    /// <summary>
    /// Returns one SQL statement that writes the rows waiting now, and adds its parameters to <paramref name="parameters"/>
    /// by name (<c>@name</c> in the statement; choose names of your own: EF Core's are <c>@p0</c>, <c>@p1</c>…). Called
    /// once for each attempt of a save (again when the save is retried), so it writes the same rows until <see cref="Saved"/>.
    /// </summary>
    string WriteStatement(NpgsqlParameterCollection parameters);

    /// <summary>
    /// The rows of the last <see cref="WriteStatement"/> were saved: committed, or in the session's open transaction (then
    /// committed or rolled back with it). Rows added since are written by the next save.
    /// </summary>
    void Saved();
}
