using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Notes;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.ToTable("notes");
        b.HasKey(n => new { n.PracticeId, n.Id });
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Template).HasConversion<string>().HasMaxLength(8);
        b.Property(n => n.State).HasConversion<string>().HasMaxLength(8);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasIndex(n => new { n.PracticeId, n.CaseId });
        b.HasIndex(n => new { n.PracticeId, n.SessionId });
        b.HasOne<Case>().WithMany().HasForeignKey(n => new { n.PracticeId, n.CaseId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(n => new { n.PracticeId, n.SessionId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => new { n.PracticeId, n.CreatedBy }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => new { a.PracticeId, a.NoteId }).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Releases).WithOne().HasForeignKey(r => new { r.PracticeId, r.NoteId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoteAddendumConfiguration : IEntityTypeConfiguration<NoteAddendum>
{
    public void Configure(EntityTypeBuilder<NoteAddendum> b)
    {
        b.ToTable("note_addenda");
        b.HasKey(a => new { a.PracticeId, a.Id });
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => new { a.PracticeId, a.NoteId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => new { a.PracticeId, a.AuthorId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NoteReleaseConfiguration : IEntityTypeConfiguration<NoteRelease>
{
    public void Configure(EntityTypeBuilder<NoteRelease> b)
    {
        b.ToTable("note_releases");
        b.HasKey(r => new { r.PracticeId, r.NoteId, r.ClientId });
        b.HasIndex(r => new { r.PracticeId, r.ClientId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => new { r.PracticeId, r.ClientId }).OnDelete(DeleteBehavior.Restrict);
    }
}
