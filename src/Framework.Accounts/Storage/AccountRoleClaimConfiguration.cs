using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>Table <c>fwk_account_role_claims</c>: the claims (permissions) every account with the role has.</summary>
internal sealed class AccountRoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder)
    {
        builder.ToTable("fwk_account_role_claims");
        builder.HasKey(c => c.Id);
        builder.HasOne<AccountRole>().WithMany().HasForeignKey(c => c.RoleId).IsRequired();
    }
}
