using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Db;

/// <summary>Table <c>fwk_idempotency_keys</c>: keyed by the client's key, expiry indexed for the purge.</summary>
internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <summary>The longest key accepted, in characters.</summary>
    public const int MaxKeyLength = 200;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("fwk_idempotency_keys");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
