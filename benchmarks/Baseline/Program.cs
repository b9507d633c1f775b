using Microsoft.EntityFrameworkCore;

// The same two endpoints as the sample's GET / and GET /users/{id}, written by hand: the baseline of the benchmark.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddDbContextPool<BaselineDb>(options =>
    options.UseNpgsql(builder.Configuration["ConnectionString"], npgsql => npgsql.EnableRetryOnFailure()));

var app = builder.Build();
app.MapGet("/", () => Results.Json(new { Status = "success", Data = new { Framework = "Fwk", Version = "0.1.0" } }));
app.MapGet("/users/{id:int}", async (int id, BaselineDb db) =>
    await db.Users.FindAsync(id) is { } user
        ? Results.Json(new { Status = "success", Data = user })
        : Results.NotFound());
app.Run();

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
