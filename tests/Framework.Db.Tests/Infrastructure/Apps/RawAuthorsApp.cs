using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>Authors written with raw SQL by a save participant, beside (or instead of) an author the session tracks.</summary>
public sealed class RawAuthors : ISaveParticipant
{
    private readonly List<string> _names = [];
    private int _written;

    public int SavedCount { get; private set; }

    public bool HasRows => _names.Count > 0;

    public void Add(string name) => _names.Add(name);

    public string WriteStatement(NpgsqlParameterCollection parameters)
    {
        _written = _names.Count;
        parameters.Add(new NpgsqlParameter<string[]>("raw_author_names", [.. _names]));
        return "INSERT INTO authors (name) SELECT unnest(@raw_author_names)";
    }

    public void Saved()
    {
        SavedCount += _written;
        _names.RemoveRange(0, _written);
        _written = 0;
    }
}

/// <summary>
/// <c>POST /raw-authors/{raw}?tracked=NAME</c>: the handler saves an author through a participant, with a tracked one when
/// asked, and answers how many raw rows were reported saved. <c>/raw-authors/{raw}/later</c> leaves the save to the framework.
/// </summary>
public sealed class RawAuthorsApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Routes.MapPost("/raw-authors/{raw}", async (string raw, string? tracked, Session db, CancellationToken cancellationToken) =>
        {
            var participant = Enlist(db, raw, tracked);
            await db.SaveChangesAsync(cancellationToken);
            return Respond.Success(new { participant.SavedCount, participant.HasRows });
        });
        app.Routes.MapPost("/raw-authors/{raw}/later", (string raw, string? tracked, Session db) =>
        {
            Enlist(db, raw, tracked);
            return Respond.Success();
        });
    }

    private static RawAuthors Enlist(Session db, string raw, string? tracked)
    {
        if (tracked is not null)
        {
            db.Add(new Author { Name = tracked });
        }

        var participant = new RawAuthors();
        participant.Add(raw);
        db.SaveWith(participant);
        return participant;
    }
}
