using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fwk.Accounts;

/// <summary>Table <c>fwk_data_protection_keys</c>: ASP.NET Core data protection's key ring, one XML element per key (<see cref="SessionXmlRepository"/>).</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("fwk_data_protection_keys");
        builder.HasKey(k => k.Id);
    }
}
