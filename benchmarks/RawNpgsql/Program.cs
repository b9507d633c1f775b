using System.ComponentModel.DataAnnotations;
using Npgsql;

// The sample's GET / and /users routes as plain SQL over a pooled NpgsqlDataSource, tuned as the ASP.NET Core team's own
// benchmarks tune it (statements prepared once per connection, no session reset when a connection goes back to the pool):
// the benchmark's limit for the database path. A list is a count and a page in one round trip, as in the sample; PUT is
// one UPDATE (the sample reads, then writes). With JobRow=true, POST /users also writes the row of a welcome-mail job, as
// Fwk.Jobs stores it, in the same batch (one round trip, one implicit transaction): the least an enqueue can cost.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddValidation();
var dataSource = new NpgsqlDataSourceBuilder(builder.Configuration["ConnectionString"]);
dataSource.ConnectionStringBuilder.MaxAutoPrepare = 20;
dataSource.ConnectionStringBuilder.NoResetOnClose = true;
builder.Services.AddSingleton(dataSource.Build());

var app = builder.Build();
app.MapGet("/", () => Results.Json(new { Status = "success", Data = new { Framework = "Fwk", Version = "0.1.0" } }));
app.MapGet("/users", Users.ListAsync);
if (app.Configuration.GetValue("JobRow", false))
{
    app.MapPost("/users", Users.CreateWithJobAsync);
}
else
{
    app.MapPost("/users", Users.CreateAsync);
}

app.MapGet("/users/{id:int}", Users.GetAsync);
app.MapPut("/users/{id:int}", Users.ReplaceAsync);
app.Run();

internal static class Users
{
    public static async Task<IResult> GetAsync(int id, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT id, name, email FROM users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? Results.Json(new { Status = "success", Data = Read(reader) })
            : Results.NotFound();
    }

    public static async Task<IResult> ListAsync([AsParameters] Paging paging, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*)::int FROM users"));
        var page = new NpgsqlBatchCommand("SELECT id, name, email FROM users ORDER BY id LIMIT $1 OFFSET $2");
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = paging.Limit ?? 20 });
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = paging.Offset ?? 0 });
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<User>(paging.Limit ?? 20);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return Results.Json(new { Status = "success", Data = new { Count = total, Items = items } });
    }

    public static async Task<IResult> CreateAsync(UserInput input, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Email });
        var user = new User((int)(await command.ExecuteScalarAsync(cancellationToken))!, input.Name!, input.Email!);
        return Results.Json(new { Status = "success", Data = user }, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> CreateWithJobAsync(UserInput input, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var batch = db.CreateBatch();
        var insert = new NpgsqlBatchCommand("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id");
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Name });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Email });
        var job = new NpgsqlBatchCommand("""
            INSERT INTO fwk_jobs (kind, queue, priority, args, state, attempt, max_attempts, run_at, created_at)
            VALUES ('Sample.Users.WelcomeMail', 'default', 0, $1::jsonb, 'available', 0, 20, now(), now())
            """);
        job.Parameters.Add(new NpgsqlParameter<string> { TypedValue = System.Text.Json.JsonSerializer.Serialize(new { email = input.Email }) });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(job);
        var user = new User((int)(await batch.ExecuteScalarAsync(cancellationToken))!, input.Name!, input.Email!);
        return Results.Json(new { Status = "success", Data = user }, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReplaceAsync(int id, UserInput input, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE users SET name = $1, email = $2 WHERE id = $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Email });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? Results.Json(new { Status = "success", Data = new User(id, input.Name!, input.Email!) })
            : Results.NotFound();
    }

    private static User Read(NpgsqlDataReader reader) => new(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
}

internal sealed record User(int Id, string Name, string Email);

internal sealed class Paging
{
    [Range(1, 100)]
    public int? Limit { get; set; }

    [Range(0, int.MaxValue)]
    public int? Offset { get; set; }
}

internal sealed class UserInput
{
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; set; }

    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }
}
