using System.Text.Json;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Exercises;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> b)
    {
        b.ToTable("exercises");
        b.HasKey(e => new { e.PracticeId, e.Id });
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.BuiltInKey).HasMaxLength(100);
        b.Property(e => e.CurrentVersion).IsConcurrencyToken();
        b.Property(e => e.SuitabilityNote).HasMaxLength(ExerciseReview.MaxNote);
        b.Ignore(e => e.IsBuiltIn);
        // One row per built-in per practice, even when two syncs race (NULLs, the practice's own, don't clash).
        b.HasIndex(e => new { e.PracticeId, e.BuiltInKey }).IsUnique();
        b.HasOne<Practice>().WithMany().HasForeignKey(e => e.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => new { e.PracticeId, e.CreatedBy }).OnDelete(DeleteBehavior.Restrict);
        // CopiedFromId is provenance only, no foreign key: deleting an unused original must not touch its copies.
        b.HasMany(e => e.Versions).WithOne().HasForeignKey(v => new { v.PracticeId, v.ExerciseId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExerciseVersionConfiguration : IEntityTypeConfiguration<ExerciseVersion>
{
    public void Configure(EntityTypeBuilder<ExerciseVersion> b)
    {
        b.ToTable("exercise_versions");
        b.HasKey(v => new { v.PracticeId, v.Id });
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.PracticeId, v.ExerciseId, v.Version }).IsUnique();
        b.Property(v => v.Title).HasMaxLength(200);
        b.Property(v => v.Summary).HasMaxLength(300);
        b.Property(v => v.Theme).HasConversion<string>().HasMaxLength(32);
        b.Property(v => v.Suitability).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Instructions).HasMaxLength(20_000);
        b.Property(v => v.Prompts)
            .HasColumnType("jsonb")
            .HasConversion(
                prompts => JsonSerializer.Serialize(prompts, ExercisePrompt.Json),
                json => JsonSerializer.Deserialize<List<ExercisePrompt>>(json, ExercisePrompt.Json) ?? new List<ExercisePrompt>(),
                new ValueComparer<IReadOnlyList<ExercisePrompt>>(
                    (a, c) => JsonSerializer.Serialize(a, ExercisePrompt.Json) == JsonSerializer.Serialize(c, ExercisePrompt.Json),
                    p => StringComparer.Ordinal.GetHashCode(JsonSerializer.Serialize(p, ExercisePrompt.Json)),
                    p => p.ToList()));
        b.HasGeneratedTsVectorColumn(v => v.SearchVector, "english", v => new { v.Title, v.Summary, v.Instructions })
            .HasIndex(v => v.SearchVector)
            .HasMethod("GIN");
        b.HasIndex(v => v.Dimensions).HasMethod("GIN");
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => new { v.PracticeId, v.CreatedBy }).OnDelete(DeleteBehavior.Restrict);
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
