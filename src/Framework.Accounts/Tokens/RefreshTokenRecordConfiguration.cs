using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>
/// Table <c>fwk_account_refresh_tokens</c>: found by hash (unique), revoked by family and by account; deleted with the
/// account.
/// </summary>
internal sealed class RefreshTokenRecordConfiguration : IEntityTypeConfiguration<RefreshTokenRecord>
{
    public void Configure(EntityTypeBuilder<RefreshTokenRecord> builder)
    {
        builder.ToTable("fwk_account_refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ix_fwk_account_refresh_tokens_token_hash");
        builder.HasIndex(t => t.FamilyId).HasDatabaseName("ix_fwk_account_refresh_tokens_family_id");
        builder.HasIndex(t => t.UserId).HasDatabaseName("ix_fwk_account_refresh_tokens_user_id");
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
