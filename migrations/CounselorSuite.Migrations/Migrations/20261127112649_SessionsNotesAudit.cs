using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SessionsNotesAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "admins_may_read_notes",
                table: "practices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "retention_years",
                table: "practices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_records", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_audit_records_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counselor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    include_client_names = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => new { x.practice_id, x.counselor_id });
                    table.ForeignKey(
                        name: "fk_calendar_feeds_users_practice_id_counselor_id",
                        columns: x => new { x.practice_id, x.counselor_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "client_erasures",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_by = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retention_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    early_override = table.Column<bool>(type: "boolean", nullable: false),
                    override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_erasures", x => new { x.practice_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_client_erasures_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "client_exports",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_exports", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_client_exports_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_client_exports_users_practice_id_requested_by",
                        columns: x => new { x.practice_id, x.requested_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cancelled_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_sessions_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sessions_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notes",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    protected_body = table.Column<byte[]>(type: "bytea", nullable: false),
                    state = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notes", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_notes_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notes_sessions_practice_id_session_id",
                        columns: x => new { x.practice_id, x.session_id },
                        principalTable: "sessions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notes_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_attendees",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_attendees", x => new { x.practice_id, x.session_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_session_attendees_sessions_practice_id_session_id",
                        columns: x => new { x.practice_id, x.session_id },
                        principalTable: "sessions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_attendees_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_addenda",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    protected_text = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_addenda", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_note_addenda_notes_practice_id_note_id",
                        columns: x => new { x.practice_id, x.note_id },
                        principalTable: "notes",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_note_addenda_users_practice_id_author_id",
                        columns: x => new { x.practice_id, x.author_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_releases",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    released_by = table.Column<Guid>(type: "uuid", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_releases", x => new { x.practice_id, x.note_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_note_releases_notes_practice_id_note_id",
                        columns: x => new { x.practice_id, x.note_id },
                        principalTable: "notes",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_note_releases_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_client_ids",
                table: "audit_records",
                column: "client_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_practice_id_at",
                table: "audit_records",
                columns: new[] { "practice_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_practice_id_user_id_at",
                table: "audit_records",
                columns: new[] { "practice_id", "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_practice_id_token_hash",
                table: "calendar_feeds",
                columns: new[] { "practice_id", "token_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_client_exports_practice_id_client_id",
                table: "client_exports",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_client_exports_practice_id_requested_by",
                table: "client_exports",
                columns: new[] { "practice_id", "requested_by" });

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_practice_id_author_id",
                table: "note_addenda",
                columns: new[] { "practice_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_practice_id_note_id",
                table: "note_addenda",
                columns: new[] { "practice_id", "note_id" });

            migrationBuilder.CreateIndex(
                name: "ix_note_releases_practice_id_client_id",
                table: "note_releases",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_practice_id_case_id",
                table: "notes",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_practice_id_created_by",
                table: "notes",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_practice_id_session_id",
                table: "notes",
                columns: new[] { "practice_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_session_attendees_practice_id_client_id",
                table: "session_attendees",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_practice_id_case_id_starts_at",
                table: "sessions",
                columns: new[] { "practice_id", "case_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_practice_id_created_by",
                table: "sessions",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_practice_id_starts_at",
                table: "sessions",
                columns: new[] { "practice_id", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "client_erasures");

            migrationBuilder.DropTable(
                name: "client_exports");

            migrationBuilder.DropTable(
                name: "note_addenda");

            migrationBuilder.DropTable(
                name: "note_releases");

            migrationBuilder.DropTable(
                name: "session_attendees");

            migrationBuilder.DropTable(
                name: "notes");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropColumn(
                name: "admins_may_read_notes",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "retention_years",
                table: "practices");
        }
    }
}
