using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Homework;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasKey(a => new { a.PracticeId, a.Id });
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Every).HasConversion<string>().HasMaxLength(8);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.HasIndex(a => new { a.PracticeId, a.CaseId, a.CreatedAt });
        b.HasIndex(a => new { a.PracticeId, a.ExerciseId });
        b.HasOne<Case>().WithMany().HasForeignKey(a => new { a.PracticeId, a.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Exercise>().WithMany().HasForeignKey(a => new { a.PracticeId, a.ExerciseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExerciseVersion>().WithMany().HasForeignKey(a => new { a.PracticeId, a.ExerciseVersionId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => new { a.PracticeId, a.CreatedBy }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Occurrences).WithOne().HasForeignKey(o => new { o.PracticeId, o.AssignmentId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccurrenceConfiguration : IEntityTypeConfiguration<Occurrence>
{
    public void Configure(EntityTypeBuilder<Occurrence> b)
    {
        b.ToTable("assignment_occurrences");
        b.HasKey(o => new { o.PracticeId, o.Id });
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(o => new { o.PracticeId, o.AssignmentId, o.ClientId, o.Sequence }).IsUnique();
        b.HasIndex(o => new { o.PracticeId, o.ClientId, o.AvailableAt });
        b.HasIndex(o => new { o.PracticeId, o.CaseId });
        // The reminder job's scan: open occurrences by due date.
        b.HasIndex(o => new { o.PracticeId, o.State, o.DueAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => new { o.PracticeId, o.ClientId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(o => new { o.PracticeId, o.CaseId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.ToTable("homework_drafts");
        b.HasKey(d => new { d.PracticeId, d.OccurrenceId });
        b.Property(d => d.Answers).HasColumnType("jsonb");
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Occurrence>().WithOne().HasForeignKey<Draft>(d => new { d.PracticeId, d.OccurrenceId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => new { d.PracticeId, d.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("homework_submissions");
        b.HasKey(s => new { s.PracticeId, s.Id });
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Answers).HasColumnType("jsonb");
        b.Property(s => s.AnswersHash).HasMaxLength(64);
        b.Property(s => s.IdempotencyKey).HasMaxLength(200);
        // At most one submission per occurrence, however many requests race: the database decides.
        b.HasIndex(s => new { s.PracticeId, s.OccurrenceId }).IsUnique();
        // A key is used once per client (NULLs, submissions without a key, never clash).
        b.HasIndex(s => new { s.PracticeId, s.ClientId, s.IdempotencyKey }).IsUnique();
        b.HasIndex(s => new { s.PracticeId, s.CaseId });
        b.HasOne<Occurrence>().WithOne().HasForeignKey<Submission>(s => new { s.PracticeId, s.OccurrenceId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => new { s.PracticeId, s.ClientId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExerciseVersion>().WithMany().HasForeignKey(s => new { s.PracticeId, s.ExerciseVersionId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScaleAnswerConfiguration : IEntityTypeConfiguration<ScaleAnswer>
{
    public void Configure(EntityTypeBuilder<ScaleAnswer> b)
    {
        b.ToTable("scale_answers");
        b.HasKey(a => new { a.PracticeId, a.SubmissionId, a.PromptId });
        b.Property(a => a.Dimension).HasConversion<string>().HasMaxLength(32);
        // Progress reads one client's series per dimension over time; the included columns make it an index-only scan.
        b.HasIndex(a => new { a.PracticeId, a.ClientId, a.Dimension, a.AnsweredAt })
            .IncludeProperties(a => new { a.CaseId, a.RawValue, a.Min, a.Max, a.Screening, a.SubmissionId });
        b.HasOne<Submission>().WithMany().HasForeignKey(a => new { a.PracticeId, a.SubmissionId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => new { a.PracticeId, a.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScaleAnswerWeekConfiguration : IEntityTypeConfiguration<ScaleAnswerWeek>
{
    public void Configure(EntityTypeBuilder<ScaleAnswerWeek> b)
    {
        b.ToTable("scale_answer_weeks");
        // The key is the order progress reads in: a client's weeks in the cases the viewer may see.
        b.HasKey(w => new { w.PracticeId, w.ClientId, w.CaseId, w.Dimension, w.WeekOf });
        b.Property(w => w.Dimension).HasConversion<string>().HasMaxLength(32);
        // Derived rows: they go with what they were derived from.
        b.HasOne<AppUser>().WithMany().HasForeignKey(w => new { w.PracticeId, w.ClientId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(w => new { w.PracticeId, w.CaseId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("homework_reviews");
        b.HasKey(r => new { r.PracticeId, r.Id });
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Comment).HasMaxLength(5000);
        b.HasIndex(r => new { r.PracticeId, r.SubmissionId, r.At });
        // The portal counts a client's unread feedback on every visit: only the unread reviews, a few rows.
        b.HasIndex(r => new { r.PracticeId, r.SubmissionId }, "UnseenReviews").HasFilter("seen_at IS NULL").HasDatabaseName("ix_homework_reviews_unseen");
        b.HasOne<Submission>().WithMany().HasForeignKey(r => new { r.PracticeId, r.SubmissionId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => new { r.PracticeId, r.ReviewerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShareConfiguration : IEntityTypeConfiguration<Share>
{
    public void Configure(EntityTypeBuilder<Share> b)
    {
        b.ToTable("submission_shares");
        b.HasKey(s => new { s.PracticeId, s.Id });
        b.Property(s => s.Id).ValueGeneratedNever();
        // One live share per submission; withdrawn ones stay as history.
        b.HasIndex(s => new { s.PracticeId, s.SubmissionId }).IsUnique().HasFilter("withdrawn_at IS NULL");
        b.HasOne<Submission>().WithMany().HasForeignKey(s => new { s.PracticeId, s.SubmissionId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JointConsentConfiguration : IEntityTypeConfiguration<JointConsent>
{
    public void Configure(EntityTypeBuilder<JointConsent> b)
    {
        b.ToTable("joint_consents");
        b.HasKey(c => new { c.PracticeId, c.AssignmentId, c.ClientId });
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Assignment>().WithMany().HasForeignKey(c => new { c.PracticeId, c.AssignmentId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => new { c.PracticeId, c.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafetyAlertConfiguration : IEntityTypeConfiguration<SafetyAlert>
{
    public void Configure(EntityTypeBuilder<SafetyAlert> b)
    {
        b.ToTable("safety_alerts");
        b.HasKey(a => new { a.PracticeId, a.Id });
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ResolutionNote).HasMaxLength(2000);
        // One alert per occurrence per source: autosaves of the same danger answer raise it once.
        b.HasIndex(a => new { a.PracticeId, a.OccurrenceId, a.Source }).IsUnique();
        b.HasIndex(a => new { a.PracticeId, a.CaseId, a.Status });
        b.HasIndex(a => new { a.PracticeId, a.Status, a.RaisedAt });
        // The sweep for notices whose job was lost reads only unsent alerts.
        b.HasIndex(a => new { a.PracticeId, a.RaisedAt }).HasFilter("notified_at IS NULL").HasDatabaseName("ix_safety_alerts_unnotified");
        b.HasOne<Case>().WithMany().HasForeignKey(a => new { a.PracticeId, a.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Occurrence>().WithMany().HasForeignKey(a => new { a.PracticeId, a.OccurrenceId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => new { a.PracticeId, a.ClientId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => new { a.PracticeId, a.ResolvedBy }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("homework_reminders");
        // The key is the guarantee: a reminder row is inserted before sending, so a second sender finds it taken.
        b.HasKey(r => new { r.PracticeId, r.OccurrenceId, r.Kind });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Occurrence>().WithMany().HasForeignKey(r => new { r.PracticeId, r.OccurrenceId }).OnDelete(DeleteBehavior.Cascade);
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
