using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Fwk.Db;
using Fwk.Testing;
using Sample.Users;

// Measures what one database-backed test costs with Fwk.Testing on the sample (start on a fresh cloned database, one
// POST, one GET, dispose): the first test (cluster and template included), then SEQUENTIAL tests one after another, then
// PARALLEL tests at once, each checking it sees only its own row.
// Usage: dotnet run -c Release --project benchmarks/TestingCost [SEQUENTIAL=30] [PARALLEL=50]
var sequential = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
// The sample's accounts need a signing key to serve, as its tests get one (samples/UsersApp/tests/test.runsettings).
Environment.SetEnvironmentVariable("FWK_AUTH_SIGNING_KEY", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
var database = new FwkTestDatabase();
var clock = Stopwatch.StartNew();
await database.InitializeAsync();
var first = await OneTestAsync(0);
Console.WriteLine($"first test (cluster start {clock.Elapsed.TotalMilliseconds - first:0} ms before it, template build included): {first:0} ms");

var times = new List<double>();
for (var i = 1; i <= sequential; i++)
{
    times.Add(await OneTestAsync(i));
}

times.Sort();
Console.WriteLine($"{sequential} sequential tests after the first: median {times[times.Count / 2]:0} ms, p90 {times[(int)(times.Count * 0.9)]:0} ms, max {times[^1]:0} ms");

clock.Restart();
var results = await Task.WhenAll(Enumerable.Range(1000, parallel).Select(OneTestAsync));
Console.WriteLine($"{parallel} tests in parallel: {clock.Elapsed.TotalMilliseconds:0} ms in all ({clock.Elapsed.TotalMilliseconds / parallel:0} ms per test), slowest {results.Max():0} ms, no cross-talk");

// One test: its own app on its own database; it must see exactly the user it created.
async Task<double> OneTestAsync(int n)
{
    var watch = Stopwatch.StartNew();
    double started = 0, requested = 0;
    await using (var app = await FwkTestApp.StartAsync<UsersApp>(database))
    {
        started = watch.Elapsed.TotalMilliseconds;
        var email = $"user{n}@example.com";
        var created = await (await app.Client.PostAsJsonAsync("/users", new { name = $"User {n}", email })).ReadSuccessAsync<User>();
        var page = await (await app.Client.GetAsync("/users")).ReadSuccessAsync<Page<User>>();
        if (page.Count != 1 || page.Items[0].Id != created.Id || page.Items[0].Email != email)
        {
            throw new InvalidOperationException($"Test {n} saw rows that are not its own: {page.Count} users.");
        }

        requested = watch.Elapsed.TotalMilliseconds;
    }

    if (Environment.GetEnvironmentVariable("PHASES") == "1")
    {
        Console.WriteLine($"  start {started:0} ms, requests {requested - started:0} ms, dispose {watch.Elapsed.TotalMilliseconds - requested:0} ms");
    }

    return watch.Elapsed.TotalMilliseconds;
}
