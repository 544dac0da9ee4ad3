using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Invitations;

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
