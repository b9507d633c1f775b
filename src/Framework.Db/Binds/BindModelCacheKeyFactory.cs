using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fwk.Db;

/// <summary>Caches one model per set of models (<see cref="BindModel.Signature"/>), not one per context type.</summary>
internal sealed class BindModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetService<IDbContextOptions>().FindExtension<BindModelExtension>()?.Model.Signature, designTime);
}
