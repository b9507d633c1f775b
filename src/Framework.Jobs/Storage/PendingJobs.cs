using Fwk.Db;
using Npgsql;

namespace Fwk.Jobs;

/// <summary>
/// The jobs a scope enqueued and its session has not saved yet: written by the session's next save in the same statement
/// batch as its changes (<see cref="ISaveParticipant"/>), one INSERT for all of them (a plain one for a single job), untracked by EF Core.
/// </summary>
internal sealed class PendingJobs : ISaveParticipant
{
    private readonly List<JobRecord> _rows = [];
    private int _written;

    /// <summary>Whether a save wrote some of this scope's jobs (its transaction may still be open).</summary>
    public bool SavedAny { get; private set; }

    public bool HasRows => _rows.Count > 0;

    public void Add(JobRecord row) => _rows.Add(row);

    public string WriteStatement(NpgsqlParameterCollection parameters)
    {
        _written = _rows.Count;
        if (_written == 1)
        {
            parameters.AddRange(JobStore.InsertOneParameters(_rows[0]));
            return JobSql.InsertOne;
        }

        parameters.AddRange(JobStore.InsertParameters(_rows));
        return JobSql.Insert;
    }

    public void Saved()
    {
        _rows.RemoveRange(0, _written);
        _written = 0;
        SavedAny = true;
    }
}
