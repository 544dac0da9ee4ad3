using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Infrastructure.Data.Configurations;

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

internal sealed class MeasureFormConfiguration : IEntityTypeConfiguration<MeasureForm>
{
    public void Configure(EntityTypeBuilder<MeasureForm> b)
    {
        b.ToTable("measure_forms");
        b.HasKey(f => new { f.PracticeId, f.ExerciseId });
        b.Property(f => f.MeasureKey).HasMaxLength(64);
        // One form per measure version: two counselors assigning it at once share the first one made.
        b.HasIndex(f => new { f.PracticeId, f.MeasureKey, f.MeasureVersion }).IsUnique();
        b.HasIndex(f => new { f.PracticeId, f.ExerciseVersionId }).IsUnique();
        b.HasOne<Exercise>().WithOne().HasForeignKey<MeasureForm>(f => new { f.PracticeId, f.ExerciseId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ExerciseVersion>().WithMany().HasForeignKey(f => new { f.PracticeId, f.ExerciseVersionId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureResultConfiguration : IEntityTypeConfiguration<MeasureResult>
{
    public void Configure(EntityTypeBuilder<MeasureResult> b)
    {
        b.ToTable("measure_results");
        b.HasKey(r => new { r.PracticeId, r.Id });
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.MeasureKey).HasMaxLength(64);
        b.Property(r => r.Band).HasMaxLength(200);
        b.Property(r => r.Subscales).HasColumnType("jsonb");
        b.HasIndex(r => new { r.PracticeId, r.SubmissionId }).IsUnique();
        // Progress reads one client's results over time.
        b.HasIndex(r => new { r.PracticeId, r.ClientId, r.At });
        b.HasOne<Submission>().WithOne().HasForeignKey<MeasureResult>(r => new { r.PracticeId, r.SubmissionId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(r => new { r.PracticeId, r.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => new { r.PracticeId, r.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}
