using Npgsql;
using NpgsqlTypes;

namespace CounselorSuite.Seed.Scale;

/// <summary>
/// One row of a table, written in the column order of its <see cref="Tables"/> entry. Enums are written
/// as the strings the app stores; times as UTC timestamptz.
/// </summary>
public interface IRow
{
    void Write(NpgsqlBinaryImporter w);
}

/// <summary>The tables the generator fills by COPY, in foreign-key order, with their column lists.</summary>
public static class Tables
{
    public static readonly (string Name, string Columns)[] InOrder =
    [
        ("users", "practice_id, id, display_name, created_at, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count, time_zone"),
        ("login_names", "normalized_name, practice_id, user_id"),
        ("user_roles", "practice_id, user_id, role_id"),
        ("client_profiles", "practice_id, user_id, reminders_enabled, quiet_hours_start, quiet_hours_end"),
        ("cases", "practice_id, id, title, kind, confidentiality, created_at, is_closed"),
        ("case_clients", "practice_id, case_id, client_id, added_at"),
        ("case_counselors", "practice_id, case_id, counselor_id, added_at"),
        ("assignments", "practice_id, id, case_id, kind, exercise_id, exercise_version_id, joint, client_ids, note, every, count, starts_at, first_due_at, status, paused_at, cancelled_at, created_by, created_at, updated_at"),
        ("assignment_occurrences", "practice_id, id, assignment_id, case_id, client_id, sequence, available_at, due_at, state, submitted_at, reviewed_at, updated_at"),
        ("homework_submissions", "practice_id, id, occurrence_id, assignment_id, case_id, client_id, exercise_version_id, answers, answers_hash, idempotency_key, screening, submitted_at"),
        ("scale_answers", "practice_id, submission_id, prompt_id, client_id, case_id, dimension, raw_value, min, max, answered_at, screening"),
        ("homework_reviews", "practice_id, id, submission_id, reviewer_id, comment, at, seen_at"),
        ("sessions", "practice_id, id, case_id, starts_at, duration_minutes, location, video_link, status, cancelled_by, cancelled_at, created_by, created_at, updated_at"),
        ("session_attendees", "practice_id, session_id, client_id"),
        ("notes", "practice_id, id, case_id, session_id, template, protected_body, state, version, created_by, created_at, updated_at, signed_by, signed_at"),
        ("audit_records", "practice_id, id, at, user_id, action, entity_type, entity_id, client_ids, ip_address, detail"),
    ];
}

internal static class W
{
    public static void Id(this NpgsqlBinaryImporter w, Guid v) => w.Write(v, NpgsqlDbType.Uuid);
    public static void Id(this NpgsqlBinaryImporter w, Guid? v)
    {
        if (v is { } g)
        {
            w.Write(g, NpgsqlDbType.Uuid);
        }
        else
        {
            w.WriteNull();
        }
    }
    public static void Text(this NpgsqlBinaryImporter w, string? v)
    {
        if (v is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(v, NpgsqlDbType.Text);
        }
    }
    public static void At(this NpgsqlBinaryImporter w, DateTimeOffset v) => w.Write(v.UtcDateTime, NpgsqlDbType.TimestampTz);
    public static void At(this NpgsqlBinaryImporter w, DateTimeOffset? v)
    {
        if (v is { } t)
        {
            w.Write(t.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }
    public static void Int(this NpgsqlBinaryImporter w, int v) => w.Write(v, NpgsqlDbType.Integer);
    public static void Bool(this NpgsqlBinaryImporter w, bool v) => w.Write(v, NpgsqlDbType.Boolean);
    public static void Ids(this NpgsqlBinaryImporter w, Guid[] v) => w.Write(v, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
}

public sealed record UserRow(Guid PracticeId, Guid Id, string DisplayName, DateTimeOffset CreatedAt, string Email, string PasswordHash,
    string SecurityStamp, string? TimeZone) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        var normalized = Email.ToUpperInvariant();
        w.Id(PracticeId); w.Id(Id); w.Text(DisplayName); w.At(CreatedAt);
        w.Text(Email); w.Text(normalized); w.Text(Email); w.Text(normalized); w.Bool(true);
        w.Text(PasswordHash); w.Text(SecurityStamp); w.Text(Id.ToString());
        w.Text(null); w.Bool(false); w.Bool(false); w.WriteNull(); w.Bool(true); w.Int(0); w.Text(TimeZone);
    }
}

public sealed record LoginNameRow(string Email, Guid PracticeId, Guid UserId) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Text(Email.ToUpperInvariant()); w.Id(PracticeId); w.Id(UserId);
    }
}

public sealed record UserRoleRow(Guid PracticeId, Guid UserId, Guid RoleId) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(UserId); w.Id(RoleId);
    }
}

public sealed record ClientProfileRow(Guid PracticeId, Guid UserId, bool Reminders) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(UserId); w.Bool(Reminders);
        w.Write(new TimeOnly(21, 0), NpgsqlDbType.Time); w.Write(new TimeOnly(8, 0), NpgsqlDbType.Time);
    }
}

public sealed record CaseRow(Guid PracticeId, Guid Id, string Title, string Kind, string Confidentiality, DateTimeOffset CreatedAt, bool IsClosed) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Text(Title); w.Text(Kind); w.Text(Confidentiality); w.At(CreatedAt); w.Bool(IsClosed);
    }
}

public sealed record CaseMemberRow(string Table, Guid PracticeId, Guid CaseId, Guid UserId, DateTimeOffset AddedAt) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(CaseId); w.Id(UserId); w.At(AddedAt);
    }
}

public sealed record AssignmentRow(Guid PracticeId, Guid Id, Guid CaseId, Guid ExerciseId, Guid ExerciseVersionId, Guid[] ClientIds,
    string? Every, int Count, DateTimeOffset StartsAt, DateTimeOffset? FirstDueAt, string Status, DateTimeOffset? CancelledAt,
    Guid CreatedBy, DateTimeOffset CreatedAt) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Id(CaseId); w.Text("Exercise"); w.Id(ExerciseId); w.Id(ExerciseVersionId); w.Bool(false);
        w.Ids(ClientIds); w.Text(null); w.Text(Every); w.Int(Count); w.At(StartsAt); w.At(FirstDueAt); w.Text(Status);
        w.WriteNull(); w.At(CancelledAt); w.Id(CreatedBy); w.At(CreatedAt); w.At(CancelledAt ?? CreatedAt);
    }
}

public sealed class OccurrenceRow : IRow
{
    public Guid PracticeId, Id, AssignmentId, CaseId, ClientId;
    public int Sequence;
    public DateTimeOffset AvailableAt, DueAt, UpdatedAt;
    public string State = "Assigned";
    public DateTimeOffset? SubmittedAt, ReviewedAt;

    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Id(AssignmentId); w.Id(CaseId); w.Id(ClientId); w.Int(Sequence);
        w.At(AvailableAt); w.At(DueAt); w.Text(State); w.At(SubmittedAt); w.At(ReviewedAt); w.At(UpdatedAt);
    }
}

public sealed record SubmissionRow(Guid PracticeId, Guid Id, Guid OccurrenceId, Guid AssignmentId, Guid CaseId, Guid ClientId,
    Guid ExerciseVersionId, string Answers, string AnswersHash, bool Screening, DateTimeOffset SubmittedAt) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Id(OccurrenceId); w.Id(AssignmentId); w.Id(CaseId); w.Id(ClientId); w.Id(ExerciseVersionId);
        w.Write(Answers, NpgsqlDbType.Jsonb); w.Text(AnswersHash); w.Text(null); w.Bool(Screening); w.At(SubmittedAt);
    }
}

public readonly record struct ScaleAnswerRow(Guid PracticeId, Guid SubmissionId, Guid PromptId, Guid ClientId, Guid CaseId,
    string? Dimension, int RawValue, int Min, int Max, DateTimeOffset AnsweredAt, bool Screening) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(SubmissionId); w.Id(PromptId); w.Id(ClientId); w.Id(CaseId); w.Text(Dimension);
        w.Int(RawValue); w.Int(Min); w.Int(Max); w.At(AnsweredAt); w.Bool(Screening);
    }
}

public sealed record ReviewRow(Guid PracticeId, Guid Id, Guid SubmissionId, Guid ReviewerId, string Comment, DateTimeOffset At, DateTimeOffset? SeenAt) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Id(SubmissionId); w.Id(ReviewerId); w.Text(Comment); w.At(At); w.At(SeenAt);
    }
}

public sealed record SessionRow(Guid PracticeId, Guid Id, Guid CaseId, DateTimeOffset StartsAt, int DurationMinutes, string? Location,
    string? VideoLink, string Status, string? CancelledBy, DateTimeOffset? CancelledAt, Guid CreatedBy, DateTimeOffset CreatedAt) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Id(CaseId); w.At(StartsAt); w.Int(DurationMinutes); w.Text(Location); w.Text(VideoLink);
        w.Text(Status); w.Text(CancelledBy); w.At(CancelledAt); w.Id(CreatedBy); w.At(CreatedAt); w.At(CancelledAt ?? CreatedAt);
    }
}

public sealed record AttendeeRow(Guid PracticeId, Guid SessionId, Guid ClientId) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(SessionId); w.Id(ClientId);
    }
}

public sealed record NoteRow(Guid PracticeId, Guid Id, Guid CaseId, Guid SessionId, byte[] ProtectedBody, Guid CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset SignedAt) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.Id(CaseId); w.Id(SessionId); w.Text("DAP"); w.Write(ProtectedBody, NpgsqlDbType.Bytea);
        w.Text("Signed"); w.Int(2); w.Id(CreatedBy); w.At(CreatedAt); w.At(SignedAt); w.Id(CreatedBy); w.At(SignedAt);
    }
}

public sealed record AuditRow(Guid PracticeId, Guid Id, DateTimeOffset At, Guid? UserId, string Action, string EntityType, Guid? EntityId,
    Guid[] ClientIds, string IpAddress) : IRow
{
    public void Write(NpgsqlBinaryImporter w)
    {
        w.Id(PracticeId); w.Id(Id); w.At(At); w.Id(UserId); w.Text(Action); w.Text(EntityType); w.Id(EntityId); w.Ids(ClientIds);
        w.Text(IpAddress); w.Text(null);
    }
}

/// <summary>Everything one unit of generation produced; written in one transaction, tables in foreign-key order.</summary>
public sealed class Batch
{
    public readonly Dictionary<string, List<IRow>> Rows = new(StringComparer.Ordinal);
    public long Answers;

    public void Add(string table, IRow row)
    {
        if (!Rows.TryGetValue(table, out var list))
        {
            Rows[table] = list = [];
        }
        list.Add(row);
    }
}
