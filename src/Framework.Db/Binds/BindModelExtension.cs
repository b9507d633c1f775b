using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Db;

/// <summary>
/// Carries a bind's <see cref="BindModel"/> in the session options, where <see cref="Session.OnModelCreating"/>, the
/// model cache key and the migrations assembly read it. It adds no services, so every bind and every application in a
/// process shares EF Core's internal service provider (and its model cache).
/// </summary>
internal sealed class BindModelExtension(BindModel model) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public BindModel Model => model;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"Bind={((BindModelExtension)Extension).Model.Bind} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Fwk:Bind"] = ((BindModelExtension)Extension).Model.Bind;
    }
}
