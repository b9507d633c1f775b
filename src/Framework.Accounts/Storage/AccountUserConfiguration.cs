using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>
/// Table <c>fwk_account_users</c>, as Identity's own model has it (lengths, concurrency stamp), except that the normalized
/// email is unique too: one account per email, also when two registrations race.
/// </summary>
internal sealed class AccountUserConfiguration : IEntityTypeConfiguration<AccountUser>
{
    /// <summary>The unique index on the normalized email, answered as <see cref="AccountErrorCodes.EmailTaken"/>.</summary>
    public const string EmailIndex = "ix_fwk_account_users_normalized_email";

    /// <summary>The unique index on the normalized user name (the email too), answered the same way.</summary>
    public const string UserNameIndex = "ix_fwk_account_users_normalized_user_name";

    public void Configure(EntityTypeBuilder<AccountUser> builder)
    {
        builder.ToTable("fwk_account_users");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique().HasDatabaseName(UserNameIndex);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName(EmailIndex);
        builder.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(u => u.UserName).HasMaxLength(256);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(256);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(256);
    }
}
