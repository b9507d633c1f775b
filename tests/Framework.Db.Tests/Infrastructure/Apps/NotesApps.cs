using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Db.Tests.Infrastructure.Apps;

/// <summary>A note; the versions of the notes app map more of it as the "project" evolves.</summary>
public sealed class Note
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public string? Tag { get; set; }
}

/// <summary>Version 1 of table <c>notes</c>: id and title (up to 200 characters).</summary>
public sealed class NoteConfigurationV1 : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes");
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Ignore(n => n.Tag);
    }
}

/// <summary>Version 2: a nullable <c>tag</c> column, added by a migration that keeps every row.</summary>
public sealed class NoteConfigurationV2 : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes");
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Tag).HasMaxLength(30);
    }
}

/// <summary>Version 3: the title narrowed to 20 characters, which can lose data.</summary>
public sealed class NoteConfigurationV3 : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes");
        builder.Property(n => n.Title).HasMaxLength(20);
        builder.Property(n => n.Tag).HasMaxLength(30);
    }
}

/// <summary>The notes app at version 1, with a route that counts notes.</summary>
public sealed class NotesV1App : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Models.Add<NoteConfigurationV1>();
        NotesRoutes.Map(app);
    }
}

/// <summary>The notes app at version 2.</summary>
public sealed class NotesV2App : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Models.Add<NoteConfigurationV2>();
        NotesRoutes.Map(app);
    }
}

/// <summary>The notes app at version 3.</summary>
public sealed class NotesV3App : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Models.Add<NoteConfigurationV3>();
        NotesRoutes.Map(app);
    }
}

internal static class NotesRoutes
{
    public static void Map(AppBuilder app) =>
        app.Routes.MapGet("/notes/count", async (Session db) => Respond.Success(new { Count = await db.Set<Note>().CountAsync() }));
}

/// <summary>Version 2 with the title's column renamed to <c>heading</c>: a rename, not a drop and an add.</summary>
public sealed class NoteConfigurationRenamed : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes");
        builder.Property(n => n.Title).HasMaxLength(200).HasColumnName("heading");
        builder.Property(n => n.Tag).HasMaxLength(30);
    }
}

/// <summary>The notes app at version 2 with the renamed column.</summary>
public sealed class NotesRenamedApp : IApp
{
    public void Configure(AppBuilder app) => app.Models.Add<NoteConfigurationRenamed>();
}

/// <summary>A comment on a note: a table of another app that references the notes app's table.</summary>
public sealed class Comment
{
    public int Id { get; set; }

    public int NoteId { get; set; }

    public required string Text { get; set; }
}

/// <summary>Table <c>comments</c>, with a foreign key to <c>notes</c>.</summary>
public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments");
        builder.HasOne<Note>().WithMany().HasForeignKey(c => c.NoteId);
    }
}

/// <summary>An app whose table references the notes app's.</summary>
public sealed class CommentsApp : IApp
{
    public void Configure(AppBuilder app) => app.Models.Add<CommentConfiguration>();
}
