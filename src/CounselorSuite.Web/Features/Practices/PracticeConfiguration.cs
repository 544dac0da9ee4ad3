using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Practices;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> b)
    {
        b.ToTable("practices");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.QuickExitUrl).HasMaxLength(500);
        b.Property(p => p.HelpResources).HasMaxLength(20_000);
        b.Property(p => p.AccentColor).HasMaxLength(7);
        b.Property(p => p.ContactLine).HasMaxLength(300);
        b.Property(p => p.PortalName).HasMaxLength(60).HasDefaultValue(Practice.DefaultPortalName);
        b.Property(p => p.PortalFooter).HasMaxLength(300).HasDefaultValue("");
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.Locale).HasMaxLength(16);
    }
}
