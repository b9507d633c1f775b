using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>Table <c>fwk_account_api_keys</c>: found by id (the key names it), listed by account; deleted with the account.</summary>
internal sealed class ApiKeyRecordConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable("fwk_account_api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKeyInput.MaxNameLength);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Property(k => k.OwnerStamp).HasMaxLength(256);
        builder.HasIndex(k => k.UserId).HasDatabaseName("ix_fwk_account_api_keys_user_id");
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
