using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

// The sample's GET / and /users routes written by hand with Minimal APIs and a pooled EF Core context, the way the EF
// Core docs show: the baseline of the benchmark (and, started twice, its A/A control).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddValidation();
builder.Services.AddDbContextPool<BaselineDb>(options =>
    options.UseNpgsql(builder.Configuration["ConnectionString"], npgsql => npgsql.EnableRetryOnFailure()));

var app = builder.Build();
app.MapGet("/", () => Results.Json(new { Status = "success", Data = new { Framework = "Fwk", Version = "0.1.0" } }));
app.MapGet("/users", Users.ListAsync);
app.MapPost("/users", Users.CreateAsync);
app.MapGet("/users/{id:int}", Users.GetAsync);
app.MapPut("/users/{id:int}", Users.ReplaceAsync);
app.Run();

internal static class Users
{
    public static async Task<IResult> GetAsync(int id, BaselineDb db, CancellationToken cancellationToken) =>
        await db.Users.FindAsync([id], cancellationToken) is { } user
            ? Results.Json(new { Status = "success", Data = user })
            : Results.NotFound();

    public static async Task<IResult> ListAsync([AsParameters] Paging paging, BaselineDb db, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        var count = await users.CountAsync(cancellationToken);
        var items = await users.OrderBy(u => u.Id).Skip(paging.Offset ?? 0).Take(paging.Limit ?? 20).ToListAsync(cancellationToken);
        return Results.Json(new { Status = "success", Data = new { Count = count, Items = items } });
    }

    public static async Task<IResult> CreateAsync(UserInput input, BaselineDb db, CancellationToken cancellationToken)
    {
        var user = new BaselineUser { Name = input.Name!, Email = input.Email! };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(new { Status = "success", Data = user }, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReplaceAsync(int id, UserInput input, BaselineDb db, CancellationToken cancellationToken)
    {
        if (await db.Users.FindAsync([id], cancellationToken) is not { } user)
        {
            return Results.NotFound();
        }

        user.Name = input.Name!;
        user.Email = input.Email!;
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(new { Status = "success", Data = user });
    }
}

internal sealed class BaselineDb(DbContextOptions<BaselineDb> options) : DbContext(options)
{
    public DbSet<BaselineUser> Users => Set<BaselineUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<BaselineUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Id).HasColumnName("id");
            user.Property(u => u.Name).HasColumnName("name");
            user.Property(u => u.Email).HasColumnName("email");
        });
}

internal sealed class BaselineUser
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }
}

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
