using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.DataRights;

internal sealed class ClientExportConfiguration : IEntityTypeConfiguration<ClientExport>
{
    public void Configure(EntityTypeBuilder<ClientExport> b)
    {
        b.ToTable("client_exports");
        b.HasKey(e => new { e.PracticeId, e.Id });
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Error).HasMaxLength(500);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.HasIndex(e => new { e.PracticeId, e.ClientId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => new { e.PracticeId, e.ClientId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => new { e.PracticeId, e.RequestedBy }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClientErasureConfiguration : IEntityTypeConfiguration<ClientErasure>
{
    public void Configure(EntityTypeBuilder<ClientErasure> b)
    {
        b.ToTable("client_erasures");
        b.HasKey(e => new { e.PracticeId, e.ClientId });
        b.Property(e => e.OverrideReason).HasMaxLength(1000);
        b.HasOne<AppUser>().WithOne().HasForeignKey<ClientErasure>(e => new { e.PracticeId, e.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}
