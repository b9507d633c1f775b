using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fwk.Db;

/// <summary>
/// Puts every model of one bind into its EF Core model, names tables and columns in snake_case unless a configuration
/// named them (PostgreSQL folds unquoted names to lower case, so this is what psql users expect), and rejects relations
/// to models of another bind (a foreign key cannot cross databases).
/// </summary>
internal static class ModelComposer
{
    private static readonly MethodInfo ApplyConfiguration = typeof(ModelBuilder).GetMethods()
        .Single(m => m.Name == nameof(ModelBuilder.ApplyConfiguration) && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));

    public static void Compose(ModelBuilder modelBuilder, BindModel model)
    {
        foreach (var entry in model.Entries)
        {
            if (entry.Type is { } type)
            {
                Add(modelBuilder, type);
            }
            else
            {
                modelBuilder.ApplyConfigurationsFromAssembly(entry.Assembly!);
            }
        }

        EnsureNoRelationAcrossBinds(modelBuilder.Model, model);
        SnakeCaseNames.Apply(modelBuilder.Model);
    }

    private static void Add(ModelBuilder modelBuilder, Type type)
    {
        var entity = BindModel.EntityOf(type);
        if (entity is null)
        {
            modelBuilder.Entity(type);
            return;
        }

        ApplyConfiguration.MakeGenericMethod(entity).Invoke(modelBuilder, [Activator.CreateInstance(type)]);
    }

    // EF adds any type a model references to the model; a type another bind declares must not come in that way.
    private static void EnsureNoRelationAcrossBinds(IMutableModel mutableModel, BindModel model)
    {
        foreach (var entity in mutableModel.GetEntityTypes())
        {
            if (!model.Declared.TryGetValue(entity.ClrType, out var declared) || declared.Bind == model.Bind)
            {
                continue;
            }

            var key = entity.GetReferencingForeignKeys().Select(k => k.DeclaringEntityType)
                .Concat(entity.GetForeignKeys().Select(k => k.PrincipalEntityType))
                .FirstOrDefault(other => other.ClrType != entity.ClrType);
            var referencing = key is null ? "a model" : $"model '{key.ClrType.Name}' ({Describe(model, key.ClrType)})";
            throw new InvalidOperationException(
                $"Relation across binds: {referencing} relates to model '{entity.ClrType.Name}' ({Describe(model, entity.ClrType)}). "
                + "A foreign key cannot cross databases; keep related models in one bind.");
        }
    }

    private static string Describe(BindModel model, Type clrType) =>
        model.Declared.TryGetValue(clrType, out var entry) ? $"app {entry.App}, bind '{entry.Bind}'" : $"bind '{model.Bind}'";
}
