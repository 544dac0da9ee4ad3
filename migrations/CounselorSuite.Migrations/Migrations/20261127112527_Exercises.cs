using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Exercises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exercises",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    built_in_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    library_version = table.Column<int>(type: "integer", nullable: true),
                    copied_from_id = table.Column<Guid>(type: "uuid", nullable: true),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercises", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_exercises_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exercises_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exercise_versions",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    theme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    suitability = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    joint = table.Column<bool>(type: "boolean", nullable: false),
                    estimated_minutes = table.Column<int>(type: "integer", nullable: true),
                    instructions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    steps = table.Column<string[]>(type: "text[]", nullable: false),
                    safety_screening = table.Column<bool>(type: "boolean", nullable: false),
                    points_to_resources = table.Column<bool>(type: "boolean", nullable: false),
                    prompts = table.Column<string>(type: "jsonb", nullable: false),
                    dimensions = table.Column<string[]>(type: "text[]", nullable: false),
                    library_version = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                        .Annotation("Npgsql:TsVectorConfig", "english")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "title", "summary", "instructions" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_versions", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_exercise_versions_exercises_practice_id_exercise_id",
                        columns: x => new { x.practice_id, x.exercise_id },
                        principalTable: "exercises",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_exercise_versions_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exercise_versions_dimensions",
                table: "exercise_versions",
                column: "dimensions")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_versions_practice_id_created_by",
                table: "exercise_versions",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_exercise_versions_practice_id_exercise_id_version",
                table: "exercise_versions",
                columns: new[] { "practice_id", "exercise_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exercise_versions_search_vector",
                table: "exercise_versions",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_practice_id_built_in_key",
                table: "exercises",
                columns: new[] { "practice_id", "built_in_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exercises_practice_id_created_by",
                table: "exercises",
                columns: new[] { "practice_id", "created_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exercise_versions");

            migrationBuilder.DropTable(
                name: "exercises");
        }
    }
}
