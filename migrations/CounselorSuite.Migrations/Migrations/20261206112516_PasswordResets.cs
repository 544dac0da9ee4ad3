using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PasswordResets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "password_resets",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_password_resets", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_password_resets_users_practice_id_user_id",
                        columns: x => new { x.practice_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_practice_id_token_hash",
                table: "password_resets",
                columns: new[] { "practice_id", "token_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_practice_id_user_id",
                table: "password_resets",
                columns: new[] { "practice_id", "user_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "password_resets");
        }
    }
}
