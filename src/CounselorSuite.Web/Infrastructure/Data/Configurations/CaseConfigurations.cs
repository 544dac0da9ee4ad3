using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Infrastructure.Data.Configurations;

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

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("invitations");
        b.HasKey(i => new { i.PracticeId, i.Id });
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.UserName).HasMaxLength(256);
        b.Property(i => i.Role).HasMaxLength(32);
        b.Property(i => i.DisplayName).HasMaxLength(200);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => new { i.PracticeId, i.TokenHash }).IsUnique();
        b.HasOne<Practice>().WithMany().HasForeignKey(i => i.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(i => new { i.PracticeId, i.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => new { i.PracticeId, i.InvitedBy }).OnDelete(DeleteBehavior.Restrict);
    }
}
