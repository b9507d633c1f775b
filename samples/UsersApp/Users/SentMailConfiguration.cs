using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sample.Users;

/// <summary>Table <c>sent_mails</c>, one row per mail, removed with its user.</summary>
public sealed class SentMailConfiguration : IEntityTypeConfiguration<SentMail>
{
    public void Configure(EntityTypeBuilder<SentMail> builder)
    {
        builder.ToTable("sent_mails");
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
