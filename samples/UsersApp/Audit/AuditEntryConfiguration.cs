using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sample.Audit;

/// <summary>Table <c>audit_entries</c> of the audit database, changes as <c>jsonb</c>.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Request).HasMaxLength(300);
        builder.Property(e => e.Table).HasMaxLength(100);
        builder.Property(e => e.Operation).HasMaxLength(10);
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.HasIndex(e => e.At);
    }
}
