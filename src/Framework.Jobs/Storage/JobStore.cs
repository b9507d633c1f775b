using Fwk.Db;
using Npgsql;
using NpgsqlTypes;

namespace Fwk.Jobs;

/// <summary>The queue's reads and writes outside sessions, on the default bind's primary (plain Npgsql: no EF Core on the hot path).</summary>
internal sealed class JobStore(Databases databases)
{
    public NpgsqlDataSource DataSource => databases.DataSource();

    public async Task<List<ClaimedJob>> ClaimAsync(string[] queues, int limit, Guid worker, DateTime? dueBy, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(JobSql.Claim);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = queues });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)dueBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker });
        var jobs = new List<ClaimedJob>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new ClaimedJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), reader.GetDateTime(6)));
        }

        // Claimed in run order (the UPDATE returns rows in no particular order).
        jobs.Sort((a, b) => a.Id.CompareTo(b.Id));
        return jobs;
    }

    public Task<int> CompleteAsync(long[] ids, Guid worker, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.Complete, cancellationToken, new NpgsqlParameter<long[]> { TypedValue = ids }, new NpgsqlParameter<Guid> { TypedValue = worker });

    /// <summary>Records a failed attempt; returns the job's new state, or null when the worker no longer held it.</summary>
    public async Task<string?> FailAsync(long id, Guid worker, TimeSpan backoff, string error, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(JobSql.Fail);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = backoff });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task<int> ReturnUnfinishedAsync(Guid worker, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.ReturnUnfinished, cancellationToken, new NpgsqlParameter<Guid> { TypedValue = worker });

    public Task<int> ReleaseOrphansAsync(Guid worker, long[] held, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.ReleaseOrphans, cancellationToken, new NpgsqlParameter<Guid> { TypedValue = worker }, new NpgsqlParameter<long[]> { TypedValue = held });

    public Task HeartbeatAsync(Guid worker, CancellationToken cancellationToken) =>
        ExecuteAsync(
            JobSql.Heartbeat,
            cancellationToken,
            new NpgsqlParameter<Guid> { TypedValue = worker },
            new NpgsqlParameter<string> { TypedValue = Environment.MachineName },
            new NpgsqlParameter<int> { TypedValue = Environment.ProcessId });

    public Task RemoveWorkerAsync(Guid worker, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.RemoveWorker, cancellationToken, new NpgsqlParameter<Guid> { TypedValue = worker });

    public Task<int> RescueAsync(TimeSpan silence, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.Rescue, cancellationToken, new NpgsqlParameter<TimeSpan> { TypedValue = silence });

    public Task<int> DeleteFinishedAsync(TimeSpan retention, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.DeleteFinished, cancellationToken, new NpgsqlParameter<TimeSpan> { TypedValue = retention });

    /// <summary>Inserts <paramref name="rows"/> (a row whose unique key exists is skipped); returns how many were inserted.</summary>
    public Task<int> InsertAsync(IReadOnlyList<JobRecord> rows, CancellationToken cancellationToken) =>
        ExecuteAsync(JobSql.InsertUnique, cancellationToken, InsertParameters(rows));

    /// <summary>The parameters of <see cref="JobSql.Insert"/>: one array per column.</summary>
    public static NpgsqlParameter[] InsertParameters(IReadOnlyList<JobRecord> rows) =>
    [
        new NpgsqlParameter<string[]>("fwk_job_kinds", [.. rows.Select(r => r.Kind)]),
        new NpgsqlParameter<string[]>("fwk_job_queues", [.. rows.Select(r => r.Queue)]),
        new NpgsqlParameter<int[]>("fwk_job_priorities", [.. rows.Select(r => r.Priority)]),
        new NpgsqlParameter<string[]>("fwk_job_args", [.. rows.Select(r => r.Args)]),
        new NpgsqlParameter<int[]>("fwk_job_max_attempts", [.. rows.Select(r => r.MaxAttempts)]),
        new NpgsqlParameter<DateTime[]>("fwk_job_run_ats", [.. rows.Select(r => r.RunAt)]),
        new NpgsqlParameter<string?[]>("fwk_job_unique_keys", [.. rows.Select(r => r.UniqueKey)]),
    ];

    /// <summary>The parameters of <see cref="JobSql.InsertOne"/>.</summary>
    public static NpgsqlParameter[] InsertOneParameters(JobRecord row) =>
    [
        new NpgsqlParameter<string>("fwk_job_kind", row.Kind),
        new NpgsqlParameter<string>("fwk_job_queue", row.Queue),
        new NpgsqlParameter<int>("fwk_job_priority", row.Priority),
        new NpgsqlParameter<string>("fwk_job_args", row.Args),
        new NpgsqlParameter<int>("fwk_job_max_attempts", row.MaxAttempts),
        new NpgsqlParameter<DateTime>("fwk_job_run_at", row.RunAt),
    ];

    public Task NotifyAsync(CancellationToken cancellationToken) => ExecuteAsync(JobSql.Notify, cancellationToken);

    /// <summary>Due, scheduled (due later) and running jobs.</summary>
    public async Task<(long Due, long Scheduled, long Running)> DepthAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(JobSql.Depth);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
