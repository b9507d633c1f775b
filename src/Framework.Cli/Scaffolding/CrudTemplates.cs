namespace Fwk.Cli;

/// <summary>
/// The source files of a CRUD app (create_project's first app and <c>create_app --crud</c>): a model with its
/// <c>IEntityTypeConfiguration</c>, a validated input, and the app with list (paged), get, create, replace and delete.
/// </summary>
internal static class CrudTemplates
{
    /// <summary><c>NAME/MODEL.cs</c>: the model, <c>{id, name, description}</c>.</summary>
    public static string Model(CrudApp app) => $$"""
        namespace {{app.RootNamespace}}.{{app.Name}};

        /// <summary>One row of table <c>{{app.Table}}</c>: <c>{id, name, description}</c>.</summary>
        public sealed class {{app.Model}}
        {
            public int Id { get; set; }

            public required string Name { get; set; }

            /// <summary>Optional: null when not given.</summary>
            public string? Description { get; set; }
        }

        """;

    /// <summary><c>NAME/MODELConfiguration.cs</c>: the table and its column lengths (those the input validates).</summary>
    public static string Configuration(CrudApp app) => $$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        namespace {{app.RootNamespace}}.{{app.Name}};

        /// <summary>Table <c>{{app.Table}}</c>; its columns are as long as <see cref="{{app.Model}}Input"/> allows.</summary>
        public sealed class {{app.Model}}Configuration : IEntityTypeConfiguration<{{app.Model}}>
        {
            public void Configure(EntityTypeBuilder<{{app.Model}}> builder)
            {
                builder.ToTable("{{app.Table}}");
                builder.Property(m => m.Name).HasMaxLength({{app.Model}}Input.NameLength);
                builder.Property(m => m.Description).HasMaxLength({{app.Model}}Input.DescriptionLength);
            }
        }

        """;

    /// <summary><c>NAME/MODELInput.cs</c>: the body of POST and PUT, checked by ASP.NET Core's validation (1002 when invalid).</summary>
    public static string Input(CrudApp app) => $$"""
        using System.ComponentModel.DataAnnotations;

        namespace {{app.RootNamespace}}.{{app.Name}};

        /// <summary>The body of POST and PUT <c>{{app.Path}}</c>: a name (required) and a description (optional).</summary>
        public sealed class {{app.Model}}Input
        {
            /// <summary>The most characters of a name: 100.</summary>
            public const int NameLength = 100;

            /// <summary>The most characters of a description: 500.</summary>
            public const int DescriptionLength = 500;

            [Required]
            [StringLength(NameLength, MinimumLength = 1)]
            public string? Name { get; set; }

            [StringLength(DescriptionLength)]
            public string? Description { get; set; }
        }

        """;

    /// <summary><c>NAME/NAMEApp.cs</c>: the model, the error code for a missing id, and the five routes.</summary>
    public static string App(CrudApp app) => $$"""
        using Fwk;
        using Fwk.Db;

        namespace {{app.RootNamespace}}.{{app.Name}};

        /// <summary>
        /// The {{app.Name}} app: CRUD on <c>{{app.Path}}</c>. Reads take a <see cref="ReadSession"/> (no tracking); writes take the
        /// <see cref="Session"/>, whose changes Fwk saves after the handler. Each handler declares its result, which documents
        /// the route in the OpenAPI document; errors are thrown (<see cref="{{app.Model}}NotFound"/> for a missing id).
        /// </summary>
        public sealed class {{app.Name}}App : IApp
        {
            /// <summary>Answered with 404 when an id does not exist.</summary>
            public const int {{app.Model}}NotFound = {{app.NotFoundCode}};

            public void Configure(AppBuilder app)
            {
                app.Models.Add<{{app.Model}}Configuration>();
                app.Errors.Add({{app.Model}}NotFound, "{{app.Model}} '{0}' does not exist", StatusCodes.Status404NotFound);

                var routes = app.Routes.MapGroup("{{app.Path}}").WithTags("{{app.Table}}");
                routes.MapGet("", ListAsync);
                routes.MapGet("/{id:int}", GetAsync);
                routes.MapPost("", CreateAsync);
                routes.MapPut("/{id:int}", ReplaceAsync);
                routes.MapDelete("/{id:int}", DeleteAsync);
            }

            // ?offset= and ?limit= are optional; PageAsync answers 1002 naming the field for an offset below 0 or a limit
            // below 1, and returns at most [database] max_page_size rows (100 by default).
            private static async Task<SuccessResult<Page<{{app.Model}}>>> ListAsync(
                ReadSession db, int offset = 0, int limit = ReadSession.DefaultPageSize, CancellationToken cancellationToken = default) =>
                Respond.Success(await db.PageAsync<{{app.Model}}>(offset, limit, cancellationToken));

            private static async Task<SuccessResult<{{app.Model}}>> GetAsync(int id, ReadSession db, CancellationToken cancellationToken) =>
                Respond.Success(await db.FindOr404Async<{{app.Model}}>(id, {{app.Model}}NotFound, cancellationToken));

            private static async Task<CreatedResult<{{app.Model}}>> CreateAsync({{app.Model}}Input input, Session db, CancellationToken cancellationToken)
            {
                var item = new {{app.Model}} { Name = input.Name!, Description = input.Description };
                db.Add(item);
                await db.SaveChangesAsync(cancellationToken);   // the id is known once saved
                return Respond.Created(item, $"{{app.Path}}/{item.Id}");
            }

            // The row is tracked: Fwk saves the change after the handler.
            private static async Task<SuccessResult<{{app.Model}}>> ReplaceAsync(int id, {{app.Model}}Input input, Session db, CancellationToken cancellationToken)
            {
                var item = await db.FindOr404Async<{{app.Model}}>(id, {{app.Model}}NotFound, cancellationToken);
                item.Name = input.Name!;
                item.Description = input.Description;
                return Respond.Success(item);
            }

            private static async Task<SuccessResult> DeleteAsync(int id, Session db, CancellationToken cancellationToken)
            {
                db.Remove(await db.FindOr404Async<{{app.Model}}>(id, {{app.Model}}NotFound, cancellationToken));
                return Respond.Success();
            }
        }

        """;
}
