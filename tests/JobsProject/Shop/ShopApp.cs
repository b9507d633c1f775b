using Fwk;
using Fwk.Db;
using Fwk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Shop.Shop;

public sealed class ShopApp : IApp
{
    /// <summary>The second bind (<c>[database.ledger]</c>).</summary>
    public const string Ledger = "ledger";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddSingleton<Seen>();

    public void Configure(AppBuilder app)
    {
        app.Models.Add<Order>().Add<Receipt>();
        app.Models.Add<LedgerEntry>(Ledger);
        app.Settings.Declare("shop", "recurring");
        app.Jobs.Handle<SendReceipt>((SendReceipt job, Session db) => { db.Add(new Receipt { OrderId = job.OrderId }); }, maxAttempts: 5);
        app.Jobs.Handle<Book>((Book job, Session db, [FromKeyedServices(Ledger)] Session ledger) =>
        {
            if (job.OrderId != 0)
            {
                db.Add(new Receipt { OrderId = job.OrderId });
            }

            ledger.Add(new LedgerEntry { Text = job.Text });
        });
        app.Jobs.Handle<Ping>((Ping job, Seen seen, JobInfo info) => seen.Add($"ping:{job.Text}:{info.Attempt}"));
        app.Jobs.Handle<Relay>((Relay job, JobQueue jobs) => jobs.Enqueue(new Ping(job.Text)));
        app.Jobs.Handle<Fail>((Fail job) => { throw new InvalidOperationException(job.Message); }, maxAttempts: 3);
        app.Jobs.Handle<Sleep>(async (Sleep job, Seen seen, CancellationToken ct) =>
        {
            seen.Add("sleep:start");
            await Task.Delay(job.Milliseconds, ct);
            seen.Add("sleep:end");
        });
        app.Hooks.OnDurable("order_placed", (OrderPlaced placed, Seen seen) => seen.Add($"placed:{placed.OrderId}:{placed.Item}"));
        app.Hooks.OnDurable("order_placed", (OrderPlaced placed, Session db) => { db.Add(new Receipt { OrderId = -placed.OrderId }); });
        var recurring = app.Configuration.GetValue("shop:recurring", 0);
        for (var i = 0; i < recurring; i++)
        {
            var name = $"tick{i}";
            app.Jobs.Every(name, "* * * * * *", (Seen seen) => seen.Add("tick:" + name));
        }

        app.Routes.MapPost("/orders", async (OrderInput input, Session db, JobQueue jobs, HttpContext http, Hooks hooks) =>
        {
            var order = new Order { Item = input.Item };
            db.Add(order);
            jobs.Enqueue(() => new SendReceipt(order.Id));
            await hooks.PublishAsync("order_placed", () => new OrderPlaced(order.Id, order.Item), http);
            if (input.Item == "explode")
            {
                throw new InvalidOperationException("the handler failed after enqueueing");
            }

            return input.Item == "refuse" ? Respond.Error(ErrorCodes.Conflict) : Respond.Created(order);
        });
        app.Routes.MapPost("/pings/{text}", (string text, JobQueue jobs) => jobs.Enqueue(new Ping(text, DateTime.UtcNow.Ticks)));
        app.Routes.MapPost("/pings/unique/{key}", async (string key, JobQueue jobs, CancellationToken ct) =>
            new { enqueued = await jobs.EnqueueAsync(new Ping(key), new JobOptions { UniqueKey = key }, ct) });
        app.Routes.MapPost("/relays/{text}", (string text, JobQueue jobs) => jobs.Enqueue(new Relay(text)));
        app.Routes.MapPost("/fails", (JobQueue jobs) => jobs.Enqueue(new Fail("always")));
        app.Routes.MapPost("/sleeps/{ms:int}", (int ms, JobQueue jobs) => jobs.Enqueue(new Sleep(ms)));
        app.Routes.MapPost("/books/{orderId:int}/{text}", (int orderId, string text, JobQueue jobs) => jobs.Enqueue(new Book(orderId, text)));
        app.Routes.MapGet("/ledger", async ([FromKeyedServices(Ledger)] ReadSession ledger) =>
            await ledger.Set<LedgerEntry>().OrderBy(e => e.Id).Select(e => e.Text).ToListAsync());
        app.Routes.MapGet("/receipts", async (Session db) => await db.Set<Receipt>().OrderBy(r => r.Id).Select(r => r.OrderId).ToListAsync());
    }
}
