using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Jobs;

/// <summary>Table <c>fwk_job_workers</c>: the instances working jobs, and when each last said it is alive.</summary>
internal sealed class JobWorkerRecordConfiguration : IEntityTypeConfiguration<JobWorkerRecord>
{
    public void Configure(EntityTypeBuilder<JobWorkerRecord> builder)
    {
        builder.ToTable("fwk_job_workers");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Host).HasMaxLength(200);
    }
}
