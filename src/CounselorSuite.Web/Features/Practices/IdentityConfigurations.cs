using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Practices;

// Identity's tables are configured by hand rather than by IdentityDbContext so that every key of a
// tenant-owned table starts with practice_id (see docs/decisions/0001-tenancy.md).

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("users");
        b.HasKey(u => new { u.PracticeId, u.Id });
        b.Property(u => u.Id).ValueGeneratedNever();
        b.HasIndex(u => new { u.PracticeId, u.NormalizedUserName }).IsUnique();
        b.HasIndex(u => new { u.PracticeId, u.NormalizedEmail });
        b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(u => u.UserName).HasMaxLength(256);
        b.Property(u => u.NormalizedUserName).HasMaxLength(256);
        b.Property(u => u.Email).HasMaxLength(256);
        b.Property(u => u.NormalizedEmail).HasMaxLength(256);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.HasOne<Practice>().WithMany().HasForeignKey(u => u.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.ToTable("roles");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.NormalizedName).IsUnique();
        b.Property(r => r.Name).HasMaxLength(64);
        b.Property(r => r.NormalizedName).HasMaxLength(64);
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.HasData(
            Role(Roles.PracticeAdminId, Roles.PracticeAdmin),
            Role(Roles.CounselorId, Roles.Counselor),
            Role(Roles.ClientId, Roles.Client));
    }

    private static AppRole Role(Guid id, string name) => new()
    {
        Id = id, Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = id.ToString(),
    };
}

internal sealed class AppRoleClaimConfiguration : IEntityTypeConfiguration<AppRoleClaim>
{
    public void Configure(EntityTypeBuilder<AppRoleClaim> b)
    {
        b.ToTable("role_claims");
        b.HasKey(c => c.Id);
        b.HasOne<AppRole>().WithMany().HasForeignKey(c => c.RoleId);
    }
}

internal sealed class AppUserRoleConfiguration : IEntityTypeConfiguration<AppUserRole>
{
    public void Configure(EntityTypeBuilder<AppUserRole> b)
    {
        b.ToTable("user_roles");
        b.HasKey(r => new { r.PracticeId, r.UserId, r.RoleId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => new { r.PracticeId, r.UserId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppRole>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserClaimConfiguration : IEntityTypeConfiguration<AppUserClaim>
{
    public void Configure(EntityTypeBuilder<AppUserClaim> b)
    {
        b.ToTable("user_claims");
        b.HasKey(c => new { c.PracticeId, c.Id });
        b.Property(c => c.Id).UseIdentityAlwaysColumn();
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => new { c.PracticeId, c.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserLoginConfiguration : IEntityTypeConfiguration<AppUserLogin>
{
    public void Configure(EntityTypeBuilder<AppUserLogin> b)
    {
        b.ToTable("user_logins");
        b.HasKey(l => new { l.PracticeId, l.LoginProvider, l.ProviderKey });
        b.HasOne<AppUser>().WithMany().HasForeignKey(l => new { l.PracticeId, l.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserTokenConfiguration : IEntityTypeConfiguration<AppUserToken>
{
    public void Configure(EntityTypeBuilder<AppUserToken> b)
    {
        b.ToTable("user_tokens");
        b.HasKey(t => new { t.PracticeId, t.UserId, t.LoginProvider, t.Name });
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => new { t.PracticeId, t.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginNameConfiguration : IEntityTypeConfiguration<LoginName>
{
    public void Configure(EntityTypeBuilder<LoginName> b)
    {
        b.ToTable("login_names");
        b.HasKey(l => l.NormalizedName);
        b.Property(l => l.NormalizedName).HasMaxLength(256);
        b.HasIndex(l => new { l.PracticeId, l.UserId });
    }
}
