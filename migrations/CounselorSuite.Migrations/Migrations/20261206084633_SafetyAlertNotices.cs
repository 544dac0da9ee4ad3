using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SafetyAlertNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notified_at",
                table: "safety_alerts",
                type: "timestamp with time zone",
                nullable: true);

            // Alerts raised before this version were mailed inside their request (or the mail is long
            // past use): the sweep must not send them now.
            migrationBuilder.Sql("UPDATE safety_alerts SET notified_at = raised_at WHERE notified_at IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_unnotified",
                table: "safety_alerts",
                columns: new[] { "practice_id", "raised_at" },
                filter: "notified_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_safety_alerts_unnotified",
                table: "safety_alerts");

            migrationBuilder.DropColumn(
                name: "notified_at",
                table: "safety_alerts");
        }
    }
}
