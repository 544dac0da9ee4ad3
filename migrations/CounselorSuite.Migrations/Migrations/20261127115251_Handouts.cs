using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Handouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "handouts",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    exercise_version_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    include_progress = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    session_date = table.Column<DateOnly>(type: "date", nullable: false),
                    discreet = table.Column<bool>(type: "boolean", nullable: false),
                    paper = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    protected_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    password_protected = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    page_count = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handouts", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_handouts_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handouts_sessions_practice_id_session_id",
                        columns: x => new { x.practice_id, x.session_id },
                        principalTable: "sessions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handouts_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handouts_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "practice_logos",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_logos", x => x.practice_id);
                    table.ForeignKey(
                        name: "fk_practice_logos_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_practice_logos_users_practice_id_uploaded_by",
                        columns: x => new { x.practice_id, x.uploaded_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_batch_id",
                table: "handouts",
                columns: new[] { "practice_id", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_case_id_created_at",
                table: "handouts",
                columns: new[] { "practice_id", "case_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_client_id_created_at",
                table: "handouts",
                columns: new[] { "practice_id", "client_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_created_by",
                table: "handouts",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_session_id",
                table: "handouts",
                columns: new[] { "practice_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_logos_practice_id_uploaded_by",
                table: "practice_logos",
                columns: new[] { "practice_id", "uploaded_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handouts");

            migrationBuilder.DropTable(
                name: "practice_logos");
        }
    }
}
