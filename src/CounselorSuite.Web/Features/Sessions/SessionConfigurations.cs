using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Sessions;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions");
        b.HasKey(s => new { s.PracticeId, s.Id });
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Location).HasMaxLength(200);
        b.Property(s => s.VideoLink).HasMaxLength(500);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.CancelledBy).HasConversion<string>().HasMaxLength(16);
        b.Ignore(s => s.EndsAt);
        b.HasIndex(s => new { s.PracticeId, s.CaseId, s.StartsAt });
        b.HasIndex(s => new { s.PracticeId, s.StartsAt });
        b.HasOne<Case>().WithMany().HasForeignKey(s => new { s.PracticeId, s.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => new { s.PracticeId, s.CreatedBy }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => new { a.PracticeId, a.SessionId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendeeConfiguration : IEntityTypeConfiguration<SessionAttendee>
{
    public void Configure(EntityTypeBuilder<SessionAttendee> b)
    {
        b.ToTable("session_attendees");
        b.HasKey(a => new { a.PracticeId, a.SessionId, a.ClientId });
        b.HasIndex(a => new { a.PracticeId, a.ClientId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => new { a.PracticeId, a.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionReminderConfiguration : IEntityTypeConfiguration<SessionReminder>
{
    public void Configure(EntityTypeBuilder<SessionReminder> b)
    {
        b.ToTable("session_reminders");
        // The key is the guarantee: the row is inserted before the mail goes, so a second sender finds it taken.
        b.HasKey(r => new { r.PracticeId, r.SessionId, r.ClientId, r.StartsAt });
        // An attendee taken off the session (or the session deleted) takes its reminders along.
        b.HasOne<SessionAttendee>().WithMany().HasForeignKey(r => new { r.PracticeId, r.SessionId, r.ClientId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.HasKey(f => new { f.PracticeId, f.CounselorId });
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => new { f.PracticeId, f.TokenHash }).IsUnique();
        b.HasOne<AppUser>().WithOne().HasForeignKey<CalendarFeed>(f => new { f.PracticeId, f.CounselorId }).OnDelete(DeleteBehavior.Cascade);
    }
}
