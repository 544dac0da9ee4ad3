using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ProgressPhase2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "measure_forms",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    measure_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measure_forms", x => new { x.practice_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_measure_forms_exercise_versions_practice_id_exercise_versio",
                        columns: x => new { x.practice_id, x.exercise_version_id },
                        principalTable: "exercise_versions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_measure_forms_exercises_practice_id_exercise_id",
                        columns: x => new { x.practice_id, x.exercise_id },
                        principalTable: "exercises",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "measure_results",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    measure_version = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<double>(type: "double precision", nullable: false),
                    band = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    band_concern = table.Column<bool>(type: "boolean", nullable: false),
                    subscales = table.Column<string>(type: "jsonb", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measure_results", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_measure_results_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_measure_results_homework_submissions_practice_id_submission",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_measure_results_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_measure_forms_practice_id_exercise_version_id",
                table: "measure_forms",
                columns: new[] { "practice_id", "exercise_version_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_measure_forms_practice_id_measure_key_measure_version",
                table: "measure_forms",
                columns: new[] { "practice_id", "measure_key", "measure_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_measure_results_practice_id_case_id",
                table: "measure_results",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_measure_results_practice_id_client_id_at",
                table: "measure_results",
                columns: new[] { "practice_id", "client_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_measure_results_practice_id_submission_id",
                table: "measure_results",
                columns: new[] { "practice_id", "submission_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "measure_forms");

            migrationBuilder.DropTable(
                name: "measure_results");
        }
    }
}
