using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Measures;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.ToTable("measures");
        b.HasKey(m => new { m.PracticeId, m.Id });
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Key).HasMaxLength(64);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Definition).HasColumnType("jsonb");
        // A published version never changes: a revised definition is imported as a new version.
        b.HasIndex(m => new { m.PracticeId, m.Key, m.Version }).IsUnique();
        b.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => new { m.PracticeId, m.ImportedBy }).OnDelete(DeleteBehavior.Restrict);
    }
}
