using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>A ledger line, kept in the ledger's own database (bind <c>ledger</c>); its reference is unique.</summary>
public sealed class LedgerEntry
{
    public int Id { get; set; }

    public required string Reference { get; set; }

    public int Amount { get; set; }
}

/// <summary>Table <c>ledger_entries</c>, references unique.</summary>
public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.Property(e => e.Reference).HasMaxLength(50);
        builder.HasIndex(e => e.Reference).IsUnique();
    }
}

public sealed record SaleInput(string Author, string Reference, int Amount);

/// <summary>
/// The ledger app (bind <c>ledger</c>), next to the authors app (default bind): a sale writes an author to one database and
/// a ledger line to the other in the same request.
/// </summary>
public sealed class LedgerApp : IApp
{
    public const string Bind = "ledger";

    public IEnumerable<Type> DependsOn => [typeof(AuthorsApp)];

    public void Configure(AppBuilder app)
    {
        app.Models.UseBind(Bind).Add<LedgerEntryConfiguration>();
        app.Routes.MapHealth();
        app.Routes.MapPost("/sales", (SaleInput input, Session db, [FromKeyedServices(Bind)] Session ledger) =>
        {
            db.Add(new Author { Name = input.Author });
            ledger.Add(new LedgerEntry { Reference = input.Reference, Amount = input.Amount });
            return Respond.Created(new { input.Author, input.Reference });
        });
        app.Routes.MapGet("/ledger/total", async ([FromKeyedServices(Bind)] ReadSession ledger) =>
            Respond.Success(new { Total = await ledger.Set<LedgerEntry>().SumAsync(e => e.Amount) }));
        app.Routes.MapGet("/ledger/database", async ([FromKeyedServices(Bind)] Session ledger) =>
            Respond.Success(new { Name = await ledger.Database.SqlQueryRaw<string>("select current_database() as \"Value\"").SingleAsync() }));
    }
}

/// <summary>A model in bind <c>ledger</c> that refers to the authors app's model in the default bind: a foreign key across databases.</summary>
public sealed class Royalty
{
    public int Id { get; set; }

    public int AuthorId { get; set; }
}

/// <summary>Maps <see cref="Royalty"/> with a foreign key to <see cref="Author"/>.</summary>
public sealed class RoyaltyConfiguration : IEntityTypeConfiguration<Royalty>
{
    public void Configure(EntityTypeBuilder<Royalty> builder) =>
        builder.HasOne<Author>().WithMany().HasForeignKey(r => r.AuthorId);
}

/// <summary>Puts <see cref="Royalty"/> into bind <c>ledger</c>: startup must refuse it.</summary>
public sealed class RoyaltiesApp : IApp
{
    public IEnumerable<Type> DependsOn => [typeof(AuthorsApp)];

    public void Configure(AppBuilder app) => app.Models.UseBind(LedgerApp.Bind).Add<RoyaltyConfiguration>();
}

/// <summary>Puts a model into bind <c>archive</c>, which the test's config.ini does not declare.</summary>
public sealed class ArchiveApp : IApp
{
    public void Configure(AppBuilder app) => app.Models.Add<LedgerEntryConfiguration>("archive");
}
