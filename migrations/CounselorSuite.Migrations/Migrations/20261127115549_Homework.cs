using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Homework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    exercise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joint = table.Column<bool>(type: "boolean", nullable: false),
                    client_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    every = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    count = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_assignments_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignments_exercise_versions_practice_id_exercise_version_",
                        columns: x => new { x.practice_id, x.exercise_version_id },
                        principalTable: "exercise_versions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignments_exercises_practice_id_exercise_id",
                        columns: x => new { x.practice_id, x.exercise_id },
                        principalTable: "exercises",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignments_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignment_occurrences",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignment_occurrences", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_assignment_occurrences_assignments_practice_id_assignment_id",
                        columns: x => new { x.practice_id, x.assignment_id },
                        principalTable: "assignments",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assignment_occurrences_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignment_occurrences_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_consents",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_consents", x => new { x.practice_id, x.assignment_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_joint_consents_assignments_practice_id_assignment_id",
                        columns: x => new { x.practice_id, x.assignment_id },
                        principalTable: "assignments",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_joint_consents_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_drafts",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_drafts", x => new { x.practice_id, x.occurrence_id });
                    table.ForeignKey(
                        name: "fk_homework_drafts_assignment_occurrences_practice_id_occurren",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_homework_drafts_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_reminders",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_reminders", x => new { x.practice_id, x.occurrence_id, x.kind });
                    table.ForeignKey(
                        name: "fk_homework_reminders_assignment_occurrences_practice_id_occur",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "homework_submissions",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    answers_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    screening = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_submissions", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_homework_submissions_assignment_occurrences_practice_id_occ",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_homework_submissions_exercise_versions_practice_id_exercise",
                        columns: x => new { x.practice_id, x.exercise_version_id },
                        principalTable: "exercise_versions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_homework_submissions_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_alerts",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    resolution_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_alerts", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_safety_alerts_assignment_occurrences_practice_id_occurrence",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_safety_alerts_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safety_alerts_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safety_alerts_users_practice_id_resolved_by",
                        columns: x => new { x.practice_id, x.resolved_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_reviews",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    comment = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_reviews", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_homework_reviews_homework_submissions_practice_id_submissio",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_homework_reviews_users_practice_id_reviewer_id",
                        columns: x => new { x.practice_id, x.reviewer_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "scale_answers",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    raw_value = table.Column<int>(type: "integer", nullable: false),
                    min = table.Column<int>(type: "integer", nullable: false),
                    max = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    screening = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scale_answers", x => new { x.practice_id, x.submission_id, x.prompt_id });
                    table.ForeignKey(
                        name: "fk_scale_answers_homework_submissions_practice_id_submission_id",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scale_answers_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "submission_shares",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_shares", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_submission_shares_homework_submissions_practice_id_submissi",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_assignment_id_client_id_",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "assignment_id", "client_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_case_id",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_client_id_available_at",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "client_id", "available_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_state_due_at",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_case_id_created_at",
                table: "assignments",
                columns: new[] { "practice_id", "case_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_created_by",
                table: "assignments",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_exercise_id",
                table: "assignments",
                columns: new[] { "practice_id", "exercise_id" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_exercise_version_id",
                table: "assignments",
                columns: new[] { "practice_id", "exercise_version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_drafts_practice_id_client_id",
                table: "homework_drafts",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_reviews_practice_id_reviewer_id",
                table: "homework_reviews",
                columns: new[] { "practice_id", "reviewer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_reviews_practice_id_submission_id_at",
                table: "homework_reviews",
                columns: new[] { "practice_id", "submission_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_case_id",
                table: "homework_submissions",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_client_id_idempotency_key",
                table: "homework_submissions",
                columns: new[] { "practice_id", "client_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_exercise_version_id",
                table: "homework_submissions",
                columns: new[] { "practice_id", "exercise_version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_occurrence_id",
                table: "homework_submissions",
                columns: new[] { "practice_id", "occurrence_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_joint_consents_practice_id_client_id",
                table: "joint_consents",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_case_id_status",
                table: "safety_alerts",
                columns: new[] { "practice_id", "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_client_id",
                table: "safety_alerts",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_occurrence_id_source",
                table: "safety_alerts",
                columns: new[] { "practice_id", "occurrence_id", "source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_resolved_by",
                table: "safety_alerts",
                columns: new[] { "practice_id", "resolved_by" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_status_raised_at",
                table: "safety_alerts",
                columns: new[] { "practice_id", "status", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scale_answers_practice_id_client_id_dimension_answered_at",
                table: "scale_answers",
                columns: new[] { "practice_id", "client_id", "dimension", "answered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "raw_value", "min", "max", "screening", "submission_id" });

            migrationBuilder.CreateIndex(
                name: "ix_submission_shares_practice_id_submission_id",
                table: "submission_shares",
                columns: new[] { "practice_id", "submission_id" },
                unique: true,
                filter: "withdrawn_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "homework_drafts");

            migrationBuilder.DropTable(
                name: "homework_reminders");

            migrationBuilder.DropTable(
                name: "homework_reviews");

            migrationBuilder.DropTable(
                name: "joint_consents");

            migrationBuilder.DropTable(
                name: "safety_alerts");

            migrationBuilder.DropTable(
                name: "scale_answers");

            migrationBuilder.DropTable(
                name: "submission_shares");

            migrationBuilder.DropTable(
                name: "homework_submissions");

            migrationBuilder.DropTable(
                name: "assignment_occurrences");

            migrationBuilder.DropTable(
                name: "assignments");
        }
    }
}
