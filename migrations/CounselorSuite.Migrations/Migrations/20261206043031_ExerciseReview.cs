using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ExerciseReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "after_safety_screening",
                table: "exercises",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "suitability_note",
                table: "exercises",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "after_safety_screening",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "suitability_note",
                table: "exercises");
        }
    }
}
