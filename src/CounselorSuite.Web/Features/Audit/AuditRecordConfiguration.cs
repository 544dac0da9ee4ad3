using CounselorSuite.Web.Features.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounselorSuite.Web.Features.Audit;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        // Named in DatabaseMigrator.AppendOnlyTables: the app's role may not UPDATE or DELETE it.
        b.ToTable("audit_records");
        b.HasKey(r => new { r.PracticeId, r.Id });
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Action).HasMaxLength(64);
        b.Property(r => r.EntityType).HasMaxLength(64);
        b.Property(r => r.IpAddress).HasMaxLength(45);
        b.Property(r => r.Detail).HasMaxLength(200);
        b.HasIndex(r => new { r.PracticeId, r.At });
        b.HasIndex(r => new { r.PracticeId, r.UserId, r.At });
        b.HasIndex(r => r.ClientIds).HasMethod("gin");
        // No foreign key to users: the trail must outlive any change to the rows it talks about.
        b.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
