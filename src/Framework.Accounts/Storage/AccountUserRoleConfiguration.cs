using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>Table <c>fwk_account_user_roles</c>: which account has which role; deleted with either.</summary>
internal sealed class AccountUserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder)
    {
        builder.ToTable("fwk_account_user_roles");
        builder.HasKey(r => new { r.UserId, r.RoleId });
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(r => r.UserId).IsRequired();
        builder.HasOne<AccountRole>().WithMany().HasForeignKey(r => r.RoleId).IsRequired();
    }
}
