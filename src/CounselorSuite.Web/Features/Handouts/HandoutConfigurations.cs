using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Handouts;

internal sealed class HandoutConfiguration : IEntityTypeConfiguration<Handout>
{
    public void Configure(EntityTypeBuilder<Handout> b)
    {
        b.ToTable("handouts");
        b.HasKey(h => new { h.PracticeId, h.Id });
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.Paper).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.Note).HasMaxLength(5000);
        b.Property(h => h.Error).HasMaxLength(500);
        b.Property(h => h.Sha256).HasMaxLength(64);
        b.Property(h => h.ProtectedPassword).HasMaxLength(2000);
        b.HasIndex(h => new { h.PracticeId, h.BatchId });
        b.HasIndex(h => new { h.PracticeId, h.ClientId, h.CreatedAt });
        b.HasIndex(h => new { h.PracticeId, h.CaseId, h.CreatedAt });
        b.HasIndex(h => new { h.PracticeId, h.SessionId });
        b.HasOne<Case>().WithMany().HasForeignKey(h => new { h.PracticeId, h.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(h => new { h.PracticeId, h.ClientId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(h => new { h.PracticeId, h.CreatedBy }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(h => new { h.PracticeId, h.SessionId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeLogoConfiguration : IEntityTypeConfiguration<PracticeLogo>
{
    public void Configure(EntityTypeBuilder<PracticeLogo> b)
    {
        b.ToTable("practice_logos");
        b.HasKey(l => l.PracticeId);
        b.Property(l => l.ContentType).HasMaxLength(32);
        b.Property(l => l.Sha256).HasMaxLength(64);
        b.HasOne<Practice>().WithOne().HasForeignKey<PracticeLogo>(l => l.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(l => new { l.PracticeId, l.UploadedBy }).OnDelete(DeleteBehavior.Restrict);
    }
}
