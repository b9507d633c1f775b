using Fwk;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;

namespace Tested.Notes;

/// <summary>Subscribers, and a hook on every built-in event (the tests read which ran).</summary>
public sealed class NotesApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Settings.Declare("notes", "tags");
        var tags = app.Configuration["notes:tags"] == "true";
        if (tags)
        {
            app.Models.Add<TaggedSubscriberConfiguration>();
        }
        else
        {
            app.Models.Add<SubscriberConfiguration>();
        }

        app.Hooks.On(Events.Startup, () => { });
        app.Hooks.On(Events.RequestStart, () => { });
        app.Hooks.On(Events.RequestEnd, () => { });
        app.Hooks.On(Events.Shutdown, () => { });
        app.Hooks.On(DbEvents.Saving, (Session session) =>
        {
            foreach (var entry in session.ChangeTracker.Entries<Subscriber>())
            {
                entry.Entity.Tag = tags ? "saved" : entry.Entity.Tag;
            }
        });
        app.Init((Session db) => { db.Add(new Subscriber { Email = "seed@example.com" }); });

        app.Routes.MapPost("/subscribers", (SubscriberInput input, Session db) =>
            Respond.Created(db.Add(new Subscriber { Email = input.Email! }).Entity));
        app.Routes.MapPost("/echo", (SubscriberInput input) => Respond.Success(input));
        app.Routes.MapGet("/subscribers/count", async (Session db) => Respond.Success(new { Count = await db.Set<Subscriber>().CountAsync() }));
    }
}
