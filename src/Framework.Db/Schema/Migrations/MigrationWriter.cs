using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Fwk.Db;

/// <summary>
/// <c>db migrate</c>: writes a new migration of one bind with EF Core's own scaffolder (the design-time services of EF
/// Core and Npgsql), as the code files <c>dotnet ef migrations add</c> would write: <c>ID_Name.cs</c>,
/// <c>ID_Name.Designer.cs</c> and the bind's <c>SessionModelSnapshot.cs</c>, in the project's <c>Migrations/</c> folder
/// (<c>Migrations/NAME/</c> for bind NAME). Kept apart from the rest so the design-time assemblies load only here.
/// </summary>
internal static class MigrationWriter
{
    /// <summary>Scaffolds and writes the migration; returns the files written, relative to <paramref name="projectDirectory"/>.</summary>
    public static IReadOnlyList<string> Write(DatabaseBind bind, string name, string projectDirectory)
    {
        using var session = bind.CreateSession();
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(session);
        ProviderDesignTimeServices().ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();

        var migration = provider.GetRequiredService<IMigrationsScaffolder>()
            .ScaffoldMigration(name, RootNamespace(projectDirectory, bind.Model.MigrationsAssembly), bind.Model.MigrationsNamespace);
        var folder = Path.Combine([projectDirectory, .. bind.Model.MigrationsNamespace.Split('.')]);
        Directory.CreateDirectory(folder);
        var files = new (string File, string Code)[]
        {
            (migration.MigrationId + migration.FileExtension, migration.MigrationCode),
            (migration.MigrationId + ".Designer" + migration.FileExtension, migration.MetadataCode),
            (migration.SnapshotName + migration.FileExtension, migration.SnapshotCode),
        };
        foreach (var (file, code) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), code, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        return [.. files.Select(f => Path.GetRelativePath(projectDirectory, Path.Combine(folder, f.File)).Replace('\\', '/'))];
    }

    /// <summary>
    /// <c>add phone to users</c>, <c>add_phone_to_users</c> or <c>add-phone-to-users</c> → <c>AddPhoneToUsers</c>: the
    /// message as a class name (anything but ASCII letters and digits separates words).
    /// </summary>
    public static string MigrationName(string message)
    {
        var words = new string([.. message.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]);
        var name = string.Concat(words);
        return name.Length == 0 ? "Migration" : char.IsAsciiDigit(name[0]) ? "M" + name : name;
    }

    // The provider's design-time services, found the way EF Core's tools find them (the attribute on its assembly).
    private static IDesignTimeServices ProviderDesignTimeServices()
    {
        var assembly = typeof(NpgsqlDbContextOptionsBuilder).Assembly;
        var typeName = assembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()?.TypeName
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} declares no design-time services.");
        return (IDesignTimeServices)Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!)!;
    }

    // <RootNamespace> of the project's .csproj when it sets one, else the project's name, as MSBuild does.
    private static string RootNamespace(string projectDirectory, Assembly? projectAssembly)
    {
        var project = Directory.Exists(projectDirectory) ? Directory.GetFiles(projectDirectory, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (project is not null)
        {
            var declared = XDocument.Load(project).Descendants().FirstOrDefault(e => e.Name.LocalName == "RootNamespace")?.Value.Trim();
            return string.IsNullOrEmpty(declared) || declared.Contains("$(", StringComparison.Ordinal)
                ? Path.GetFileNameWithoutExtension(project).Replace('-', '_').Replace(' ', '_')
                : declared;
        }

        return projectAssembly?.GetName().Name ?? "Project";
    }
}
