using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PortalNameAndFooter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "portal_footer",
                table: "practices",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "portal_name",
                table: "practices",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Secure portal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "portal_footer",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "portal_name",
                table: "practices");
        }
    }
}
