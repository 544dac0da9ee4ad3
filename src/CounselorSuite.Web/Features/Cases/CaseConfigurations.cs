using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => new { c.PracticeId, c.Id });
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Confidentiality).HasConversion<string>().HasMaxLength(32);
        b.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Clients).WithOne().HasForeignKey(x => new { x.PracticeId, x.CaseId }).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Counselors).WithOne().HasForeignKey(x => new { x.PracticeId, x.CaseId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseClientConfiguration : IEntityTypeConfiguration<CaseClient>
{
    public void Configure(EntityTypeBuilder<CaseClient> b)
    {
        b.ToTable("case_clients");
        b.HasKey(x => new { x.PracticeId, x.CaseId, x.ClientId });
        b.HasIndex(x => new { x.PracticeId, x.ClientId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => new { x.PracticeId, x.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseCounselorConfiguration : IEntityTypeConfiguration<CaseCounselor>
{
    public void Configure(EntityTypeBuilder<CaseCounselor> b)
    {
        b.ToTable("case_counselors");
        b.HasKey(x => new { x.PracticeId, x.CaseId, x.CounselorId });
        b.HasIndex(x => new { x.PracticeId, x.CounselorId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => new { x.PracticeId, x.CounselorId }).OnDelete(DeleteBehavior.Restrict);
    }
}
