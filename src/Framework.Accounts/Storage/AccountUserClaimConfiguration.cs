using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>Table <c>fwk_account_user_claims</c>: an account's own claims (its permissions among them).</summary>
internal sealed class AccountUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder)
    {
        builder.ToTable("fwk_account_user_claims");
        builder.HasKey(c => c.Id);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(c => c.UserId).IsRequired();
    }
}
