using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>A plain table (the read session's fast path): nullable columns of several types, snake_case names.</summary>
public sealed class Shelf
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Note { get; set; }

    public decimal? WidthCm { get; set; }

    public DateTime AddedAt { get; set; }
}

public enum Finish
{
    Oak,
    Walnut,
}

/// <summary>Not a plain table: its enum is stored through a value converter, so reads go through EF Core.</summary>
public sealed class Panel
{
    public long Id { get; set; }

    public Finish Finish { get; set; }
}

/// <summary>Not a plain table for one-row reads: its key has two columns.</summary>
public sealed class Slot
{
    public int ShelfId { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }
}

public sealed class ShelfConfiguration : IEntityTypeConfiguration<Shelf>
{
    public void Configure(EntityTypeBuilder<Shelf> builder) => builder.ToTable("shelves");
}

public sealed class PanelConfiguration : IEntityTypeConfiguration<Panel>
{
    public void Configure(EntityTypeBuilder<Panel> builder) => builder.Property(p => p.Finish).HasConversion<string>();
}

public sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> builder) => builder.HasKey(s => new { s.ShelfId, s.Position });
}

/// <summary>One-row and page reads through <see cref="ReadSession"/>, for a plain table and for models that are not.</summary>
public sealed class ShelfApp : IApp
{
    public const int NotFound = 1301;

    public void Configure(AppBuilder app)
    {
        app.Models.Add<ShelfConfiguration>().Add<PanelConfiguration>().Add<SlotConfiguration>();
        app.Errors.Add(NotFound, "'{0}' does not exist", StatusCodes.Status404NotFound);
        app.Routes.MapGet("/shelves/{id:int}", async (int id, ReadSession db) => Respond.Success(await db.FindOr404Async<Shelf>(id, NotFound)));
        app.Routes.MapGet("/shelves", async (int offset, int limit, ReadSession db) => Respond.Success(await db.PageAsync<Shelf>(offset, limit)));
        app.Routes.MapGet("/panels/{id:long}", async (long id, ReadSession db) => Respond.Success(await db.FindOr404Async<Panel>(id, NotFound)));
        app.Routes.MapGet("/panels", async (int offset, int limit, ReadSession db) => Respond.Success(await db.PageAsync<Panel>(offset, limit)));
        app.Routes.MapGet("/slots/{shelf:int}/{position:int}", async (int shelf, int position, ReadSession db) =>
            Respond.Success(await db.FindOr404Async<Slot>(new object[] { shelf, position }, NotFound)));
        app.Routes.MapGet("/slots", async (int offset, int limit, ReadSession db) => Respond.Success(await db.PageAsync<Slot>(offset, limit)));
    }
}
