using System;
using CounselorSuite.Web.Features.Progress;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ProgressWeeklyRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scale_answers_practice_id_client_id_dimension_answered_at",
                table: "scale_answers");

            migrationBuilder.CreateTable(
                name: "scale_answer_weeks",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    week_of = table.Column<DateOnly>(type: "date", nullable: false),
                    answers = table.Column<int>(type: "integer", nullable: false),
                    value_sum = table.Column<double>(type: "double precision", nullable: false),
                    first_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scale_answer_weeks", x => new { x.practice_id, x.client_id, x.case_id, x.dimension, x.week_of });
                    table.ForeignKey(
                        name: "fk_scale_answer_weeks_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scale_answer_weeks_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scale_answers_practice_id_client_id_dimension_answered_at",
                table: "scale_answers",
                columns: new[] { "practice_id", "client_id", "dimension", "answered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "case_id", "raw_value", "min", "max", "screening", "submission_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scale_answer_weeks_practice_id_case_id",
                table: "scale_answer_weeks",
                columns: new[] { "practice_id", "case_id" });

            // Hand-written: EF Core cannot model triggers. The weekly roll-ups are kept by the database so
            // that every way an answer is written or removed (the app, the demo seed, cascades) keeps them
            // true, in the same transaction (docs/decisions/0003-progress-rollups.md).
            migrationBuilder.Sql(ScaleAnswerWeeksSql.Install);
            migrationBuilder.Sql(ScaleAnswerWeeksSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ScaleAnswerWeeksSql.Uninstall);

            migrationBuilder.DropTable(
                name: "scale_answer_weeks");

            migrationBuilder.DropIndex(
                name: "ix_scale_answers_practice_id_client_id_dimension_answered_at",
                table: "scale_answers");

            migrationBuilder.CreateIndex(
                name: "ix_scale_answers_practice_id_client_id_dimension_answered_at",
                table: "scale_answers",
                columns: new[] { "practice_id", "client_id", "dimension", "answered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "raw_value", "min", "max", "screening", "submission_id" });
        }
    }
}
