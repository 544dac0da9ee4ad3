using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Progress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "measures",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    imported_by = table.Column<Guid>(type: "uuid", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measures", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_measures_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_measures_users_practice_id_imported_by",
                        columns: x => new { x.practice_id, x.imported_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_measures_practice_id_imported_by",
                table: "measures",
                columns: new[] { "practice_id", "imported_by" });

            migrationBuilder.CreateIndex(
                name: "ix_measures_practice_id_key_version",
                table: "measures",
                columns: new[] { "practice_id", "key", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "measures");
        }
    }
}
