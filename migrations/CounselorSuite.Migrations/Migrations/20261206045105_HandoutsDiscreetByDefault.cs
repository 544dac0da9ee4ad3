using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class HandoutsDiscreetByDefault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "handouts_discreet_by_default",
                table: "practices",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "handouts_discreet_by_default",
                table: "practices");
        }
    }
}
