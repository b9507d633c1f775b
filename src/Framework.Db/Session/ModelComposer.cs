using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Db;

/// <summary>
/// Puts every active app's models into one EF Core model, then names tables and columns in snake_case unless a
/// configuration named them explicitly (PostgreSQL folds unquoted names to lower case, so this is what psql users expect).
/// </summary>
internal static class ModelComposer
{
    private static readonly MethodInfo ApplyConfiguration = typeof(ModelBuilder).GetMethods()
        .Single(m => m.Name == nameof(ModelBuilder.ApplyConfiguration) && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));

    public static void Compose(ModelBuilder modelBuilder, AppCatalog catalog)
    {
        foreach (var app in catalog.Apps)
        {
            foreach (var type in app.Models.Types)
            {
                Add(modelBuilder, type);
            }

            foreach (var assembly in app.Models.Assemblies)
            {
                modelBuilder.ApplyConfigurationsFromAssembly(assembly);
            }
        }

        SnakeCaseNames.Apply(modelBuilder.Model);
    }

    /// <summary>The app that contributed the entity <paramref name="clrType"/>, for create_db's report.</summary>
    public static string OwnerOf(AppCatalog catalog, Type clrType) =>
        catalog.Apps.FirstOrDefault(app =>
            app.Models.Types.Any(t => t == clrType || EntityOf(t) == clrType)
            || app.Models.Assemblies.Contains(clrType.Assembly))?.Name ?? "-";

    private static void Add(ModelBuilder modelBuilder, Type type)
    {
        var entity = EntityOf(type);
        if (entity is null)
        {
            modelBuilder.Entity(type);
            return;
        }

        ApplyConfiguration.MakeGenericMethod(entity).Invoke(modelBuilder, [Activator.CreateInstance(type)]);
    }

    private static Type? EntityOf(Type configuration) =>
        configuration.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            ?.GetGenericArguments()[0];
}
