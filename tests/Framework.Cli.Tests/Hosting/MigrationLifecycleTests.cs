using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>
/// The migration workflow of the README on a project built from the packed packages (so EF Core's design-time
/// assemblies reach the app through Fwk.Db): change a model, <c>fwk db migrate -m</c>, <c>fwk db upgrade</c>, and
/// <c>fwk db check</c> failing in between, as it would in CI.
/// </summary>
[Collection(FwkToolGroup.Name)]
public sealed class MigrationLifecycleTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    [Fact]
    public async Task MigrateUpgradeCheck_OnAPackagedProject_FollowTheModel()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "migrating")).FullName;
        var project = Path.Combine(parent, "Store");
        Check(await Fwk(parent, "create_project", "--name", "Store", "--package-source", fwk.Packages));
        Check(await fwk.RunFwkAsync(project, "create_app", "--name", "Notes"));
        await File.WriteAllTextAsync(Path.Combine(project, "Notes", "NotesApp.cs"), NotesApp(withDone: false));
        try
        {
            // create_project wrote the Initial migration (its Items app, the jobs tables); the Notes app gets its own.
            var notes = Check(await Fwk(project, "db", "migrate", "-m", "add notes"));
            Assert.Contains("NotesApp: notes: create table (id, title)", notes.StandardOutput, StringComparison.Ordinal);
            Assert.Matches(@"default: applied \d{14}_Initial, \d{14}_AddNotes; now at \d{14}_AddNotes", Check(await Fwk(project, "db", "upgrade")).StandardOutput);

            await File.WriteAllTextAsync(Path.Combine(project, "Notes", "NotesApp.cs"), NotesApp(withDone: true));
            var stale = await Fwk(project, "db", "check");
            Assert.True(stale.ExitCode == 1, stale.ToString());
            Assert.Contains("NotesApp: notes: add column done (boolean)", stale.StandardOutput, StringComparison.Ordinal);

            Check(await Fwk(project, "db", "migrate", "-m", "add done", "--no-build"));
            Assert.Matches(@"default: applied \d{14}_AddDone; now at \d{14}_AddDone", Check(await Fwk(project, "db", "upgrade")).StandardOutput);
            Assert.Matches(@"\d{14}_Initial  applied\n  \d{14}_AddNotes  applied\n  \d{14}_AddDone  applied", Check(await Fwk(project, "db", "history", "--no-build")).StandardOutput.ReplaceLineEndings("\n"));
            Check(await Fwk(project, "db", "check", "--no-build"));

            // The scaffold's UseJobs: the jobs tables came with create_project's migration, and the app's recurring job runs
            // in `fwk jobs run-once` (its slot of the last minute), writing through the job's session.
            var ran = Check(await Fwk(project, "jobs", "run-once", "--no-build")).StandardOutput;
            Assert.Contains("every:tidy_notes", ran, StringComparison.Ordinal);
            Assert.Contains("1 job(s) ran, 0 failed.", ran, StringComparison.Ordinal);
            Assert.Matches(@"\d+ +every:tidy_notes +default +completed +1", Check(await Fwk(project, "jobs", "list", "--no-build")).StandardOutput);
            Assert.Contains("completed", Check(await Fwk(project, "jobs", "stats", "--no-build")).StandardOutput, StringComparison.Ordinal);

            // Two processes upgrading at the same moment, five times: one applies the migrations, the other waits for
            // the lock, then finds nothing to do; both exit 0.
            for (var round = 0; round < 5; round++)
            {
                Check(await Fwk(project, "db", "downgrade", "0", "--yes", "--no-build"));
                var both = await Task.WhenAll(Fwk(project, "db", "upgrade", "--no-build"), Fwk(project, "db", "upgrade", "--no-build"));
                Assert.All(both, upgrade => Assert.True(upgrade.ExitCode == 0, upgrade.ToString()));
                Assert.Single(both, upgrade => upgrade.StandardOutput.Contains("_Initial, ", StringComparison.Ordinal));
                Assert.Matches(@"\d{14}_Initial  applied\n  \d{14}_AddNotes  applied\n  \d{14}_AddDone  applied", Check(await Fwk(project, "db", "history", "--no-build")).StandardOutput.ReplaceLineEndings("\n"));
            }
        }
        finally
        {
            output.WriteLine((await Fwk(project, "db", "stop", "--no-build")).ToString());
        }
    }

    private static string NotesApp(bool withDone) => $$"""
        using Fwk;
        using Fwk.Db;
        using Fwk.Jobs;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        namespace Store.Notes;

        public sealed class Note
        {
            public int Id { get; set; }

            public required string Title { get; set; }
        {{(withDone ? "\n    public bool Done { get; set; }\n" : string.Empty)}}}

        public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
        {
            public void Configure(EntityTypeBuilder<Note> builder)
            {
                builder.ToTable("notes");
                builder.Property(n => n.Title).HasMaxLength(200);
            }
        }

        public sealed class NotesApp : IApp
        {
            public void Configure(AppBuilder app)
            {
                app.Models.Add<NoteConfiguration>();
                app.Jobs.Every("tidy_notes", "* * * * *", (Session db) => { db.Add(new Note { Title = "tidied" }); });
            }
        }

        """;

    private Task<ProcessResult> Fwk(string project, params string[] arguments) => fwk.RunFwkOnPackagesAsync(project, arguments);

    private ProcessResult Check(ProcessResult result)
    {
        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
