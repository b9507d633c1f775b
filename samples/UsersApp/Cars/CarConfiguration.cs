using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sample.Users;

namespace Sample.Cars;

/// <summary>Table <c>cars</c>; each car belongs to a user of the users app (deleted with it).</summary>
public sealed class CarConfiguration : IEntityTypeConfiguration<Car>
{
    public void Configure(EntityTypeBuilder<Car> builder)
    {
        builder.ToTable("cars", table => table.HasCheckConstraint("ck_cars_doors", "doors BETWEEN 1 AND 10"));
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Model).HasMaxLength(100);
        builder.Property(c => c.Color).HasMaxLength(30);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
