using System.CommandLine;
using System.Globalization;
using Fwk.Db;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fwk.Jobs;

/// <summary><c>fwk jobs list|stats|retry ID|discard ID|run-once</c>: the queue as plain-text tables, and the hands-on fixes.</summary>
internal static class JobVerbs
{
    private const int ErrorWidth = 60;

    public static void Add(VerbRegistry verbs)
    {
        var state = new Option<string?>("--state") { Description = "Only jobs in this state: " + string.Join(", ", JobStates.All) + "." };
        var limit = new Option<int>("--limit") { Description = "At most this many jobs, newest first (default 50).", DefaultValueFactory = _ => 50 };
        verbs.Add("jobs list", "List jobs, newest first: id, kind, queue, state, attempts, when due, last error.", context => ListAsync(context, state, limit), state, limit);
        verbs.Add("jobs stats", "Count jobs by queue and state, with the oldest due job's wait.", StatsAsync);
        var id = new Argument<long>("id") { Description = "The job's id (see jobs list)." };
        verbs.Add("jobs retry", "Run a discarded, cancelled or waiting job again now (one more attempt allowed).", context => ChangeAsync(context, id, RetrySql, "queued to run now"), id);
        verbs.Add("jobs discard", "Cancel a job that has not started: it stays, as cancelled, until retention deletes it.", context => ChangeAsync(context, id, DiscardSql, "cancelled"), id);
        verbs.Add("jobs run-once", "Run every due job in this process (recurring jobs whose slot fell in the last minute included), then exit (for cron-style deployments and debugging).", RunOnceAsync);
    }

    private const string RetrySql = """
        UPDATE fwk_jobs SET state = 'available', run_at = now(), finished_at = NULL, max_attempts = GREATEST(max_attempts, attempt + 1)
        WHERE id = $1 AND state IN ('discarded', 'cancelled', 'available')
        """;

    private const string DiscardSql = "UPDATE fwk_jobs SET state = 'cancelled', finished_at = now() WHERE id = $1 AND state = 'available'";

    private static async Task<int> ListAsync(VerbContext context, Option<string?> stateOption, Option<int> limitOption)
    {
        var state = context.ParseResult.GetValue(stateOption);
        if (state is not null && !JobStates.All.Contains(state))
        {
            await context.Error.WriteLineAsync($"Unknown state '{state}': expected one of {string.Join(", ", JobStates.All)}.");
            return 2;
        }

        await using var command = (await DataSourceAsync(context)).CreateCommand("""
            SELECT id, kind, queue, state, attempt, max_attempts, run_at, coalesce(last_error, '') FROM fwk_jobs
            WHERE ($1::text IS NULL OR state = $1) ORDER BY id DESC LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)state ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(1, context.ParseResult.GetValue(limitOption)) });
        var rows = new List<string[]>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var error = reader.GetString(7).ReplaceLineEndings(" ");
                rows.Add([
                    reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    $"{reader.GetInt32(4)}/{reader.GetInt32(5)}", reader.GetDateTime(6).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    error.Length > ErrorWidth ? error[..(ErrorWidth - 1)] + "…" : error,
                ]);
            }
        }

        await TextTable.WriteAsync(context.Output, ["ID", "KIND", "QUEUE", "STATE", "ATTEMPTS", "RUN AT", "LAST ERROR"], rows);
        return 0;
    }

    private static async Task<int> StatsAsync(VerbContext context)
    {
        await using var command = (await DataSourceAsync(context)).CreateCommand("""
            SELECT queue, state, count(*), coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE state = 'available' AND run_at <= now())), 0)::float8
            FROM fwk_jobs GROUP BY queue, state ORDER BY queue, state
            """);
        var rows = new List<string[]>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add([reader.GetString(0), reader.GetString(1), reader.GetInt64(2).ToString(CultureInfo.InvariantCulture), reader.GetDouble(3).ToString("0.0", CultureInfo.InvariantCulture)]);
            }
        }

        await TextTable.WriteAsync(context.Output, ["QUEUE", "STATE", "JOBS", "OLDEST DUE WAIT (S)"], rows);
        return 0;
    }

    private static async Task<int> ChangeAsync(VerbContext context, Argument<long> idArgument, string sql, string done)
    {
        var id = context.ParseResult.GetValue(idArgument);
        await using var command = (await DataSourceAsync(context)).CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        if (await command.ExecuteNonQueryAsync() == 1)
        {
            await context.Output.WriteLineAsync($"Job {id}: {done}.");
            return 0;
        }

        await context.Error.WriteLineAsync($"Job {id}: no such job in a state that allows it (see 'fwk jobs list').");
        return 1;
    }

    private static async Task<int> RunOnceAsync(VerbContext context)
    {
        await DataSourceAsync(context);
        await context.Services.GetRequiredService<RecurringScheduler>().InsertRecentSlotsAsync(CancellationToken.None);
        var runs = await context.Services.GetRequiredService<JobRunner>().DrainAsync();
        await TextTable.WriteAsync(
            context.Output,
            ["ID", "KIND", "ATTEMPT", "STATE", "ERROR"],
            [.. runs.Select(r => new[] { r.Id.ToString(CultureInfo.InvariantCulture), r.Kind, r.Attempt.ToString(CultureInfo.InvariantCulture), r.State, r.Error ?? "" })]);
        await context.Output.WriteLineAsync($"{runs.Count} job(s) ran, {runs.Count(r => !r.Succeeded)} failed.");
        return runs.All(r => r.Succeeded) ? 0 : 1;
    }

    private static async Task<NpgsqlDataSource> DataSourceAsync(VerbContext context)
    {
        var databases = context.Services.GetRequiredService<Databases>();
        await databases.StartAsync();
        return databases.DataSource();
    }
}
