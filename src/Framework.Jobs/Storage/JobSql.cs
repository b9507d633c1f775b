namespace Fwk.Jobs;

/// <summary>
/// The queue's statements. Every change to a running job is guarded by its state and its worker, so a worker that lost
/// its job (rescued after its heartbeat stopped) can no longer complete or fail it.
/// </summary>
internal static class JobSql
{
    /// <summary>
    /// Claims up to $3 due jobs of queues $1 for worker $4 (due by $2, or now). MATERIALIZED keeps the locking SELECT
    /// apart, so its LIMIT is honoured (inlined into the UPDATE, PostgreSQL may lock more rows than it returns).
    /// </summary>
    public const string Claim = """
        WITH next AS MATERIALIZED (
            SELECT id FROM fwk_jobs
            WHERE state = 'available' AND queue = ANY($1) AND run_at <= COALESCE($2, now())
            ORDER BY priority, run_at, id
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        UPDATE fwk_jobs AS j SET state = 'running', attempt = j.attempt + 1, locked_by = $4, attempted_at = now()
        FROM next WHERE j.id = next.id
        RETURNING j.id, j.kind, j.args::text, j.attempt, j.max_attempts, j.queue, j.created_at
        """;

    public const string Complete = """
        UPDATE fwk_jobs SET state = 'completed', finished_at = now(), locked_by = NULL
        WHERE id = ANY($1) AND state = 'running' AND locked_by = $2
        """;

    /// <summary>A failed attempt: back to the queue after the backoff $3, or discarded when it was the last.</summary>
    public const string Fail = """
        UPDATE fwk_jobs SET
            state = CASE WHEN attempt >= max_attempts THEN 'discarded' ELSE 'available' END,
            run_at = CASE WHEN attempt >= max_attempts THEN run_at ELSE now() + $3 END,
            finished_at = CASE WHEN attempt >= max_attempts THEN now() END,
            last_error = $4, locked_by = NULL
        WHERE id = $1 AND state = 'running' AND locked_by = $2
        RETURNING state
        """;

    /// <summary>At shutdown: what this worker did not finish goes back at once, the attempt not counted.</summary>
    public const string ReturnUnfinished = """
        UPDATE fwk_jobs SET state = 'available', locked_by = NULL, attempt = GREATEST(attempt - 1, 0), run_at = now()
        WHERE state = 'running' AND locked_by = $1
        """;

    /// <summary>Running jobs of worker $1 it no longer works on ($2: those it does, or completed and not yet written) go back.</summary>
    public const string ReleaseOrphans = """
        UPDATE fwk_jobs SET state = 'available', locked_by = NULL, run_at = now()
        WHERE state = 'running' AND locked_by = $1 AND NOT (id = ANY($2))
        """;

    public const string Heartbeat = """
        INSERT INTO fwk_job_workers (id, host, process_id, started_at, heartbeat_at) VALUES ($1, $2, $3, now(), now())
        ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()
        """;

    public const string RemoveWorker = "DELETE FROM fwk_job_workers WHERE id = $1";

    /// <summary>
    /// Workers silent for $1 are removed and their running jobs given back (discarded after the last attempt). A running
    /// job whose worker row is gone is given back only once it started longer than $1 ago: the statement's snapshot may
    /// predate a worker that just registered and claimed.
    /// </summary>
    public const string Rescue = """
        WITH dead AS (DELETE FROM fwk_job_workers WHERE heartbeat_at < now() - $1 RETURNING id)
        UPDATE fwk_jobs SET
            state = CASE WHEN attempt >= max_attempts THEN 'discarded' ELSE 'available' END,
            finished_at = CASE WHEN attempt >= max_attempts THEN now() END,
            run_at = now(), locked_by = NULL, last_error = 'its worker stopped (no heartbeat) while it ran'
        WHERE state = 'running' AND (locked_by IN (SELECT id FROM dead)
            OR (attempted_at < now() - $1 AND NOT EXISTS (SELECT 1 FROM fwk_job_workers w WHERE w.id = fwk_jobs.locked_by)))
        RETURNING id
        """;

    public const string DeleteFinished = """
        DELETE FROM fwk_jobs WHERE id IN (
            SELECT id FROM fwk_jobs WHERE finished_at < now() - $1 AND state IN ('completed', 'discarded', 'cancelled') LIMIT 10000)
        """;

    /// <summary>
    /// Inserts rows given as arrays (one per column), parameters named so the statement can join EF Core's command of a
    /// save (<see cref="PendingJobs"/>).
    /// </summary>
    public const string Insert = """
        INSERT INTO fwk_jobs (kind, queue, priority, args, state, attempt, max_attempts, run_at, created_at, unique_key)
        SELECT k, q, p, a::jsonb, 'available', 0, m, r, now(), u
        FROM unnest(@fwk_job_kinds, @fwk_job_queues, @fwk_job_priorities, @fwk_job_args, @fwk_job_max_attempts, @fwk_job_run_ats, @fwk_job_unique_keys)
            AS t(k, q, p, a, m, r, u)
        """;

    /// <summary>
    /// One row (a request's usual enqueue): a plain VALUES costs PostgreSQL about a third less than <see cref="Insert"/>'s
    /// unnest, which materializes its arrays first.
    /// </summary>
    public const string InsertOne = """
        INSERT INTO fwk_jobs (kind, queue, priority, args, state, attempt, max_attempts, run_at, created_at)
        VALUES (@fwk_job_kind, @fwk_job_queue, @fwk_job_priority, @fwk_job_args::jsonb, 'available', 0, @fwk_job_max_attempts, @fwk_job_run_at, now())
        """;

    /// <summary><see cref="Insert"/>, where a row whose unique key exists is skipped (no speculative insert on the plain path).</summary>
    public const string InsertUnique = Insert + """

        ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
        """;

    /// <summary>
    /// A wake for other instances. Its transaction commits without waiting for the WAL flush: a notification lost in a crash
    /// costs one poll interval, while a flushed commit per notification queued behind the requests' own commits.
    /// </summary>
    public const string Notify = "SELECT set_config('synchronous_commit', 'off', true), pg_notify('fwk_jobs', '')";

    public const string Listen = "LISTEN fwk_jobs";

    public const string Depth = """
        SELECT count(*) FILTER (WHERE state = 'available' AND run_at <= now()),
               count(*) FILTER (WHERE state = 'available' AND run_at > now()),
               count(*) FILTER (WHERE state = 'running')
        FROM fwk_jobs WHERE state IN ('available', 'running')
        """;
}
