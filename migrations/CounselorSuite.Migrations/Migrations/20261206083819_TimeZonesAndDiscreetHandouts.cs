using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class TimeZonesAndDiscreetHandouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // client_profiles.time_zone was never settable (no page or API wrote it): every row held "UTC".
            // A person's zone now lives on the account, for counselors and clients alike; null means "the
            // practice's zone". Existing practices keep reading UTC until an admin chooses their zone.
            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "client_profiles");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "handouts_discreet_by_default",
                table: "practices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "locale",
                table: "practices",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en-US");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "practices",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "users");

            migrationBuilder.DropColumn(
                name: "handouts_discreet_by_default",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "locale",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "practices");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "client_profiles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");
        }
    }
}
