using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tested.Notes;

/// <summary>Table <c>subscribers</c>, emails unique, no tag column.</summary>
public sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.ToTable("subscribers");
        builder.HasIndex(s => s.Email).IsUnique();
        builder.Ignore(s => s.Tag);
    }
}

/// <summary>The same with a <c>tag</c> column: the model after a change.</summary>
public sealed class TaggedSubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.ToTable("subscribers");
        builder.HasIndex(s => s.Email).IsUnique();
    }
}
