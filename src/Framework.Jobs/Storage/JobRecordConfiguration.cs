using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Jobs;

/// <summary>
/// Table <c>fwk_jobs</c>. The claim reads the partial index of available jobs in run order, the queue a filter: led by
/// the queue, the index could not give that order for several queues and PostgreSQL would sort every available job.
/// Rescue and shutdown read running jobs by worker; the unique key is unique while its row exists.
/// </summary>
internal sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable("fwk_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(300);
        builder.Property(j => j.Queue).HasMaxLength(100);
        builder.Property(j => j.Args).HasColumnType("jsonb");
        builder.Property(j => j.State).HasMaxLength(20);
        builder.Property(j => j.UniqueKey).HasMaxLength(300);
        builder.HasIndex(j => new { j.Priority, j.RunAt, j.Id }).IncludeProperties(j => j.Queue).HasDatabaseName("ix_fwk_jobs_claim")
            .HasFilter("state = 'available'");
        builder.HasIndex(j => j.LockedBy).HasDatabaseName("ix_fwk_jobs_locked_by").HasFilter("state = 'running'");
        builder.HasIndex(j => j.UniqueKey).HasDatabaseName("ix_fwk_jobs_unique_key").IsUnique().HasFilter("unique_key IS NOT NULL");
        builder.HasIndex(j => j.FinishedAt).HasDatabaseName("ix_fwk_jobs_finished_at").HasFilter("finished_at IS NOT NULL");
    }
}
