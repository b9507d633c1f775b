using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>An author (authors app). <see cref="FavoriteBookId"/> references the books app's table; the books app configures that key.</summary>
public sealed class Author
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int? FavoriteBookId { get; set; }
}

/// <summary>A book (books app), written by an author of the authors app.</summary>
public sealed class Book
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public int AuthorId { get; set; }
}

/// <summary>Table <c>authors</c>, names unique.</summary>
public sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.ToTable("authors");
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.HasIndex(a => a.Name).IsUnique();
    }
}

/// <summary>Table <c>books</c>; the keys in both directions between the two apps: book → author and author's favourite → book.</summary>
public sealed class BookConfiguration : IEntityTypeConfiguration<Book>
{
    public void Configure(EntityTypeBuilder<Book> builder)
    {
        builder.ToTable("books");
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.HasOne<Author>().WithMany().HasForeignKey(b => b.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<Author>().WithOne().HasForeignKey(a => a.FavoriteBookId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed record AuthorInput(string Name);

public sealed record BookInput(string Title, int AuthorId);

/// <summary>Authors: CRUD-ish routes that leave saving to the framework, and routes that fail in each interesting way.</summary>
public sealed class AuthorsApp : IApp
{
    public const int AuthorNotFound = 2101;

    public void Configure(AppBuilder app)
    {
        app.Models.Add<AuthorConfiguration>();
        app.Errors.Add(AuthorNotFound, "Author '{0}' does not exist", StatusCodes.Status404NotFound);
        app.Init(async (Session db, Journal journal, CancellationToken cancellationToken) =>
        {
            journal.Add("AuthorsApp:init");
            await db.Set<Author>().AddAsync(new Author { Name = "Seed Author" }, cancellationToken);
        });

        var authors = app.Routes.MapGroup("/authors");
        authors.MapPost("", (AuthorInput input, Session db) => Respond.Created(db.Add(new Author { Name = input.Name }).Entity));
        authors.MapGet("/{id:int}", async (int id, Session db) => Respond.Success(await db.FindOr404Async<Author>(id, AuthorNotFound)));
        authors.MapGet("/count", async (Session db) => Respond.Success(new { Count = await db.Set<Author>().CountAsync() }));

        // Adds a row, then fails: nothing may be written.
        authors.MapPost("/then-throw", IResult (AuthorInput input, Session db) =>
        {
            db.Add(new Author { Name = input.Name });
            throw new InvalidOperationException("The handler failed after adding a row.");
        });
        authors.MapPost("/then-error", (AuthorInput input, Session db) =>
        {
            db.Add(new Author { Name = input.Name });
            return Respond.Error(AuthorNotFound, input.Name);
        });

        // The row disappears (another writer) between reading and saving: the save's concurrency check fails.
        authors.MapPut("/{id:int}/vanishing", async (int id, AuthorInput input, Session db) =>
        {
            var author = await db.FindOr404Async<Author>(id, AuthorNotFound);
            await db.Database.ExecuteSqlAsync($"delete from authors where id = {id}");
            author.Name = input.Name;
            return Respond.Success(author);
        });

        // Text PostgreSQL cannot store (a NUL character), written by the handler itself, not read from JSON.
        authors.MapPost("/pair/{first}/{second}", (string first, string second, Session db) =>
        {
            db.AddRange(new Author { Name = first }, new Author { Name = second });
            return Respond.Success();
        });
        authors.MapPost("/nul", (Session db) => Respond.Created(db.Add(new Author { Name = "nul\0inside" }).Entity));
    }
}

/// <summary>Books: depends on the authors app; its model references the authors table and is referenced by it.</summary>
public sealed class BooksApp : IApp
{
    public const int BookGone = 2201;

    public IEnumerable<Type> DependsOn => [typeof(AuthorsApp)];

    public void Configure(AppBuilder app)
    {
        app.Models.Add<BookConfiguration>();
        app.Errors.Add(BookGone, "Book '{0}' is gone", StatusCodes.Status410Gone);
        app.Init(async (Session db, Journal journal, CancellationToken cancellationToken) =>
        {
            journal.Add("BooksApp:init");
            // Only works when the authors app's init was saved before this one runs.
            var author = await db.Set<Author>().SingleAsync(a => a.Name == "Seed Author", cancellationToken);
            db.Add(new Book { Title = "Seed Book", AuthorId = author.Id });
        });

        app.Routes.MapPost("/books", (BookInput input, Session db) => Respond.Created(db.Add(new Book { Title = input.Title, AuthorId = input.AuthorId }).Entity));
        app.Routes.MapGet("/books/{id:int}", async (int id, Session db) => Respond.Success(await db.FindOr404Async<Book>(id, BookGone)));
        app.Routes.MapPut("/authors/{id:int}/favorite/{bookId:int}", async (int id, int bookId, Session db) =>
        {
            var author = await db.FindOr404Async<Author>(id, AuthorsApp.AuthorNotFound);
            author.FavoriteBookId = bookId;
            return Respond.Success(author);
        });
        app.Routes.MapGet("/authors/{id:int}/books", async (int id, Session db) =>
        {
            var books = await (
                from b in db.Set<Book>()
                join a in db.Set<Author>() on b.AuthorId equals a.Id
                where a.Id == id
                orderby b.Id
                select new { b.Id, b.Title, Author = a.Name, Favorite = a.FavoriteBookId == b.Id }).ToListAsync();
            return Respond.Success(books);
        });
    }
}

/// <summary>Uses the session in its own startup and request_start hooks (the database helper's hooks run first).</summary>
public sealed class AuditApp : IApp
{
    public IEnumerable<Type> DependsOn => [typeof(AuthorsApp)];

    public void Configure(AppBuilder app)
    {
        app.Hooks.On(Events.Startup, async (Session db, Journal journal) =>
            journal.Add($"startup: {await db.Set<Author>().CountAsync()} authors"));
        app.Hooks.On(Events.RequestStart, (HttpContext http, Session db) =>
        {
            if (http.Request.Path.StartsWithSegments("/audited", StringComparison.Ordinal))
            {
                http.Items[typeof(DbContextId)] = db.ContextId;
                db.Add(new Author { Name = "audit of " + http.Request.Path.Value });
            }
        });
        app.Routes.MapPost("/audited/{name}", (string name, bool? fail, Session db, HttpContext http) =>
        {
            db.Add(new Author { Name = name });
            if (fail == true)
            {
                throw new InvalidOperationException("The handler failed after the hook and the handler added rows.");
            }

            var sameSession = http.Items[typeof(DbContextId)] is DbContextId id && id.Equals(db.ContextId);
            return Respond.Success(new { SameSession = sameSession, Tracked = db.ChangeTracker.Entries().Count() });
        });
    }
}
