namespace Harness;

/// <summary>One request shape wrk sends: a path, and for writes the Lua script that builds each request.</summary>
internal sealed record Scenario(string Name, string Path, string? Script = null)
{
    /// <summary>
    /// The five scenarios, reads first: POST grows the table last, so the list's count(*) sees the same rows for all.
    /// Ids are the seeded users'; every PUT changes the name (so the EF Core targets write too, not only read) and writes
    /// an email only that id ever gets, every POST one no row has.
    /// </summary>
    public static IReadOnlyList<Scenario> All(IReadOnlyList<int> ids, string scripts)
    {
        var put = System.IO.Path.Combine(scripts, "put.lua");
        File.WriteAllText(put, $$"""
            local ids = { {{string.Join(", ", ids)}} }
            local i, n = 0, 0
            function request()
              i = i % #ids + 1
              n = n + 1
              local id = ids[i]
              local body = '{"name":"Put ' .. n .. '","email":"put' .. id .. '@bench.example"}'
              return wrk.format("PUT", "/users/" .. id, { ["Content-Type"] = "application/json" }, body)
            end
            """);
        var post = System.IO.Path.Combine(scripts, "post.lua");
        File.WriteAllText(post, """
            local prefix, counter = "run", 0
            function init(args) prefix = args[1] end
            function request()
              counter = counter + 1
              local body = '{"name":"Bench","email":"post-' .. prefix .. '-' .. counter .. '@bench.example"}'
              return wrk.format("POST", "/users", { ["Content-Type"] = "application/json" }, body)
            end
            """);
        return
        [
            new("GET /", "/"),
            new("GET /users/{id}", $"/users/{ids[0]}"),
            new("GET /users?limit=20", "/users?limit=20"),
            new("PUT /users/{id}", "/users", put),
            new("POST /users", "/users", post),
        ];
    }
}
