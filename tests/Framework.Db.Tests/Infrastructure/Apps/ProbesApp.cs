using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>One row per write request, identified by the marker the client chose.</summary>
public sealed class Probe
{
    public int Id { get; set; }

    public required string Marker { get; set; }
}

public sealed class ProbeConfiguration : IEntityTypeConfiguration<Probe>
{
    public void Configure(EntityTypeBuilder<Probe> builder)
    {
        builder.ToTable("probes");
        builder.HasIndex(p => p.Marker).IsUnique();
    }
}

/// <summary>What a probe request saw of its own session: which pooled context lease, and what it tracked.</summary>
public sealed record ProbeReport(Guid Instance, int Lease, int Tracked, string[] Markers);

/// <summary>Writes (one row per request), counts, a route that never touches the database, and /health.</summary>
public sealed class ProbesApp : IApp
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.TryAddSingleton(new Gate(1));

    public void Configure(AppBuilder app)
    {
        app.Models.Add<ProbeConfiguration>();

        // Records whether the request rented a session (without renting one itself).
        app.Hooks.On(Events.SuccessResponse, (HttpContext http, RequestSessions sessions, Journal journal) =>
            journal.Add($"{http.Request.Method} {http.Request.Path} session={sessions.Rented.Any()}"));
        app.Routes.MapHealth();
        app.Routes.MapGet("/ping", () => Respond.Success("pong"));
        app.Routes.MapGet("/probes/count", async (Session db) => Respond.Success(new { Count = await db.Set<Probe>().CountAsync() }));
        app.Routes.MapPost("/probes/{marker}", async (string marker, Session db, Gate gate) =>
        {
            db.Add(new Probe { Marker = marker });
            await gate.ArriveAsync();
            var tracked = db.ChangeTracker.Entries<Probe>().Select(e => e.Entity.Marker).ToArray();
            return Respond.Success(new ProbeReport(db.ContextId.InstanceId, db.ContextId.Lease, db.ChangeTracker.Entries().Count(), tracked));
        });
    }
}
