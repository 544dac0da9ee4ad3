using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Accounts;

internal sealed class ClientProfileConfiguration : IEntityTypeConfiguration<ClientProfile>
{
    public void Configure(EntityTypeBuilder<ClientProfile> b)
    {
        b.ToTable("client_profiles");
        b.HasKey(p => new { p.PracticeId, p.UserId });
        b.HasOne<AppUser>().WithOne().HasForeignKey<ClientProfile>(p => new { p.PracticeId, p.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("refresh_tokens");
        b.HasKey(t => new { t.PracticeId, t.Id });
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.SecurityStamp).HasMaxLength(256);
        b.HasIndex(t => new { t.PracticeId, t.TokenHash }).IsUnique();
        b.HasIndex(t => new { t.PracticeId, t.FamilyId });
        b.HasIndex(t => new { t.PracticeId, t.UserId, t.ExpiresAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => new { t.PracticeId, t.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordResetConfiguration : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> b)
    {
        b.ToTable("password_resets");
        b.HasKey(r => new { r.PracticeId, r.Id });
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.TokenHash).HasMaxLength(64);
        b.HasIndex(r => new { r.PracticeId, r.TokenHash }).IsUnique();
        b.HasIndex(r => new { r.PracticeId, r.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => new { r.PracticeId, r.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
