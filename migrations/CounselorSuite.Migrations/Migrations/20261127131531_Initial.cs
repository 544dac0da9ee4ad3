using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CounselorSuite.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "login_names",
                columns: table => new
                {
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_names", x => x.normalized_name);
                });

            migrationBuilder.CreateTable(
                name: "practices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    require_staff_two_factor = table.Column<bool>(type: "boolean", nullable: false),
                    quick_exit_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    portal_inactivity_minutes = table.Column<int>(type: "integer", nullable: false),
                    help_resources = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    accent_color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    contact_line = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    admins_may_read_notes = table.Column<bool>(type: "boolean", nullable: false),
                    retention_years = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_records", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_audit_records_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    confidentiality = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_cases_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_users_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counselor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    include_client_names = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => new { x.practice_id, x.counselor_id });
                    table.ForeignKey(
                        name: "fk_calendar_feeds_users_practice_id_counselor_id",
                        columns: x => new { x.practice_id, x.counselor_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_clients",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_clients", x => new { x.practice_id, x.case_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_case_clients_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_clients_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_counselors",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counselor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_counselors", x => new { x.practice_id, x.case_id, x.counselor_id });
                    table.ForeignKey(
                        name: "fk_case_counselors_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_counselors_users_practice_id_counselor_id",
                        columns: x => new { x.practice_id, x.counselor_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "client_erasures",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_by = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retention_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    early_override = table.Column<bool>(type: "boolean", nullable: false),
                    override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_erasures", x => new { x.practice_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_client_erasures_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "client_exports",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_exports", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_client_exports_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_client_exports_users_practice_id_requested_by",
                        columns: x => new { x.practice_id, x.requested_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "client_profiles",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reminders_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    quiet_hours_start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    quiet_hours_end = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_profiles", x => new { x.practice_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_client_profiles_users_practice_id_user_id",
                        columns: x => new { x.practice_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "invitations",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    invited_by = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_invitations_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitations_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitations_users_practice_id_invited_by",
                        columns: x => new { x.practice_id, x.invited_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "practice_logos",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_logos", x => x.practice_id);
                    table.ForeignKey(
                        name: "fk_practice_logos_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_practice_logos_users_practice_id_uploaded_by",
                        columns: x => new { x.practice_id, x.uploaded_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cancelled_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_sessions_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sessions_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_user_claims_users_practice_id_user_id",
                        columns: x => new { x.practice_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.practice_id, x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_practice_id_user_id",
                        columns: x => new { x.practice_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.practice_id, x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_roles_users_practice_id_user_id",
                        columns: x => new { x.practice_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.practice_id, x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_practice_id_user_id",
                        columns: x => new { x.practice_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "handouts",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    render_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    exercise_version_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    include_progress = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    session_date = table.Column<DateOnly>(type: "date", nullable: false),
                    discreet = table.Column<bool>(type: "boolean", nullable: false),
                    paper = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    protected_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    password_protected = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    page_count = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handouts", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_handouts_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handouts_sessions_practice_id_session_id",
                        columns: x => new { x.practice_id, x.session_id },
                        principalTable: "sessions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handouts_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handouts_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notes",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    protected_body = table.Column<byte[]>(type: "bytea", nullable: false),
                    state = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notes", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_notes_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notes_sessions_practice_id_session_id",
                        columns: x => new { x.practice_id, x.session_id },
                        principalTable: "sessions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notes_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_attendees",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_attendees", x => new { x.practice_id, x.session_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_session_attendees_sessions_practice_id_session_id",
                        columns: x => new { x.practice_id, x.session_id },
                        principalTable: "sessions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_attendees_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    exercise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joint = table.Column<bool>(type: "boolean", nullable: false),
                    client_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    every = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    count = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_assignments_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignments_exercise_versions_practice_id_exercise_version_",
                        columns: x => new { x.practice_id, x.exercise_version_id },
                        principalTable: "exercise_versions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignments_exercises_practice_id_exercise_id",
                        columns: x => new { x.practice_id, x.exercise_id },
                        principalTable: "exercises",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignments_users_practice_id_created_by",
                        columns: x => new { x.practice_id, x.created_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "note_addenda",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    protected_text = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_addenda", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_note_addenda_notes_practice_id_note_id",
                        columns: x => new { x.practice_id, x.note_id },
                        principalTable: "notes",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_note_addenda_users_practice_id_author_id",
                        columns: x => new { x.practice_id, x.author_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_releases",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    released_by = table.Column<Guid>(type: "uuid", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_releases", x => new { x.practice_id, x.note_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_note_releases_notes_practice_id_note_id",
                        columns: x => new { x.practice_id, x.note_id },
                        principalTable: "notes",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_note_releases_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignment_occurrences",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignment_occurrences", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_assignment_occurrences_assignments_practice_id_assignment_id",
                        columns: x => new { x.practice_id, x.assignment_id },
                        principalTable: "assignments",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assignment_occurrences_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assignment_occurrences_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_consents",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_consents", x => new { x.practice_id, x.assignment_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_joint_consents_assignments_practice_id_assignment_id",
                        columns: x => new { x.practice_id, x.assignment_id },
                        principalTable: "assignments",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_joint_consents_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_drafts",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_drafts", x => new { x.practice_id, x.occurrence_id });
                    table.ForeignKey(
                        name: "fk_homework_drafts_assignment_occurrences_practice_id_occurren",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_homework_drafts_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_reminders",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_reminders", x => new { x.practice_id, x.occurrence_id, x.kind });
                    table.ForeignKey(
                        name: "fk_homework_reminders_assignment_occurrences_practice_id_occur",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "homework_submissions",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    answers_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    screening = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_submissions", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_homework_submissions_assignment_occurrences_practice_id_occ",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_homework_submissions_exercise_versions_practice_id_exercise",
                        columns: x => new { x.practice_id, x.exercise_version_id },
                        principalTable: "exercise_versions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_homework_submissions_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_alerts",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    resolution_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_alerts", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_safety_alerts_assignment_occurrences_practice_id_occurrence",
                        columns: x => new { x.practice_id, x.occurrence_id },
                        principalTable: "assignment_occurrences",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_safety_alerts_cases_practice_id_case_id",
                        columns: x => new { x.practice_id, x.case_id },
                        principalTable: "cases",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safety_alerts_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safety_alerts_users_practice_id_resolved_by",
                        columns: x => new { x.practice_id, x.resolved_by },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_reviews",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    comment = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_reviews", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_homework_reviews_homework_submissions_practice_id_submissio",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_homework_reviews_users_practice_id_reviewer_id",
                        columns: x => new { x.practice_id, x.reviewer_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "scale_answers",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    raw_value = table.Column<int>(type: "integer", nullable: false),
                    min = table.Column<int>(type: "integer", nullable: false),
                    max = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    screening = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scale_answers", x => new { x.practice_id, x.submission_id, x.prompt_id });
                    table.ForeignKey(
                        name: "fk_scale_answers_homework_submissions_practice_id_submission_id",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scale_answers_users_practice_id_client_id",
                        columns: x => new { x.practice_id, x.client_id },
                        principalTable: "users",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "submission_shares",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_shares", x => new { x.practice_id, x.id });
                    table.ForeignKey(
                        name: "fk_submission_shares_homework_submissions_practice_id_submissi",
                        columns: x => new { x.practice_id, x.submission_id },
                        principalTable: "homework_submissions",
                        principalColumns: new[] { "practice_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { new Guid("0193a0a0-0000-7000-8000-000000000001"), "0193a0a0-0000-7000-8000-000000000001", "PracticeAdmin", "PRACTICEADMIN" },
                    { new Guid("0193a0a0-0000-7000-8000-000000000002"), "0193a0a0-0000-7000-8000-000000000002", "Counselor", "COUNSELOR" },
                    { new Guid("0193a0a0-0000-7000-8000-000000000003"), "0193a0a0-0000-7000-8000-000000000003", "Client", "CLIENT" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_assignment_id_client_id_",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "assignment_id", "client_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_case_id",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_client_id_available_at",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "client_id", "available_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_occurrences_practice_id_state_due_at",
                table: "assignment_occurrences",
                columns: new[] { "practice_id", "state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_case_id_created_at",
                table: "assignments",
                columns: new[] { "practice_id", "case_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_created_by",
                table: "assignments",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_exercise_id",
                table: "assignments",
                columns: new[] { "practice_id", "exercise_id" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practice_id_exercise_version_id",
                table: "assignments",
                columns: new[] { "practice_id", "exercise_version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_client_ids",
                table: "audit_records",
                column: "client_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_practice_id_at",
                table: "audit_records",
                columns: new[] { "practice_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_practice_id_user_id_at",
                table: "audit_records",
                columns: new[] { "practice_id", "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_practice_id_token_hash",
                table: "calendar_feeds",
                columns: new[] { "practice_id", "token_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_clients_practice_id_client_id",
                table: "case_clients",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_counselors_practice_id_counselor_id",
                table: "case_counselors",
                columns: new[] { "practice_id", "counselor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_client_exports_practice_id_client_id",
                table: "client_exports",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_client_exports_practice_id_requested_by",
                table: "client_exports",
                columns: new[] { "practice_id", "requested_by" });

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

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_batch_id",
                table: "handouts",
                columns: new[] { "practice_id", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_case_id_created_at",
                table: "handouts",
                columns: new[] { "practice_id", "case_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_client_id_created_at",
                table: "handouts",
                columns: new[] { "practice_id", "client_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_created_by",
                table: "handouts",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_handouts_practice_id_session_id",
                table: "handouts",
                columns: new[] { "practice_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_drafts_practice_id_client_id",
                table: "homework_drafts",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_reviews_practice_id_reviewer_id",
                table: "homework_reviews",
                columns: new[] { "practice_id", "reviewer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_reviews_practice_id_submission_id_at",
                table: "homework_reviews",
                columns: new[] { "practice_id", "submission_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_case_id",
                table: "homework_submissions",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_client_id_idempotency_key",
                table: "homework_submissions",
                columns: new[] { "practice_id", "client_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_exercise_version_id",
                table: "homework_submissions",
                columns: new[] { "practice_id", "exercise_version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_submissions_practice_id_occurrence_id",
                table: "homework_submissions",
                columns: new[] { "practice_id", "occurrence_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_practice_id_case_id",
                table: "invitations",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_practice_id_invited_by",
                table: "invitations",
                columns: new[] { "practice_id", "invited_by" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_practice_id_token_hash",
                table: "invitations",
                columns: new[] { "practice_id", "token_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_joint_consents_practice_id_client_id",
                table: "joint_consents",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_login_names_practice_id_user_id",
                table: "login_names",
                columns: new[] { "practice_id", "user_id" });

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

            migrationBuilder.CreateIndex(
                name: "ix_measures_practice_id_imported_by",
                table: "measures",
                columns: new[] { "practice_id", "imported_by" });

            migrationBuilder.CreateIndex(
                name: "ix_measures_practice_id_key_version",
                table: "measures",
                columns: new[] { "practice_id", "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_practice_id_author_id",
                table: "note_addenda",
                columns: new[] { "practice_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_practice_id_note_id",
                table: "note_addenda",
                columns: new[] { "practice_id", "note_id" });

            migrationBuilder.CreateIndex(
                name: "ix_note_releases_practice_id_client_id",
                table: "note_releases",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_practice_id_case_id",
                table: "notes",
                columns: new[] { "practice_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_practice_id_created_by",
                table: "notes",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_practice_id_session_id",
                table: "notes",
                columns: new[] { "practice_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_logos_practice_id_uploaded_by",
                table: "practice_logos",
                columns: new[] { "practice_id", "uploaded_by" });

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_roles_normalized_name",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_case_id_status",
                table: "safety_alerts",
                columns: new[] { "practice_id", "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_client_id",
                table: "safety_alerts",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_occurrence_id_source",
                table: "safety_alerts",
                columns: new[] { "practice_id", "occurrence_id", "source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_resolved_by",
                table: "safety_alerts",
                columns: new[] { "practice_id", "resolved_by" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_alerts_practice_id_status_raised_at",
                table: "safety_alerts",
                columns: new[] { "practice_id", "status", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scale_answers_practice_id_client_id_dimension_answered_at",
                table: "scale_answers",
                columns: new[] { "practice_id", "client_id", "dimension", "answered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "raw_value", "min", "max", "screening", "submission_id" });

            migrationBuilder.CreateIndex(
                name: "ix_session_attendees_practice_id_client_id",
                table: "session_attendees",
                columns: new[] { "practice_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_practice_id_case_id_starts_at",
                table: "sessions",
                columns: new[] { "practice_id", "case_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_practice_id_created_by",
                table: "sessions",
                columns: new[] { "practice_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_practice_id_starts_at",
                table: "sessions",
                columns: new[] { "practice_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_submission_shares_practice_id_submission_id",
                table: "submission_shares",
                columns: new[] { "practice_id", "submission_id" },
                unique: true,
                filter: "withdrawn_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_practice_id_user_id",
                table: "user_claims",
                columns: new[] { "practice_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_practice_id_user_id",
                table: "user_logins",
                columns: new[] { "practice_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_practice_id_normalized_email",
                table: "users",
                columns: new[] { "practice_id", "normalized_email" });

            migrationBuilder.CreateIndex(
                name: "ix_users_practice_id_normalized_user_name",
                table: "users",
                columns: new[] { "practice_id", "normalized_user_name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "case_clients");

            migrationBuilder.DropTable(
                name: "case_counselors");

            migrationBuilder.DropTable(
                name: "client_erasures");

            migrationBuilder.DropTable(
                name: "client_exports");

            migrationBuilder.DropTable(
                name: "client_profiles");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "handouts");

            migrationBuilder.DropTable(
                name: "homework_drafts");

            migrationBuilder.DropTable(
                name: "homework_reminders");

            migrationBuilder.DropTable(
                name: "homework_reviews");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "joint_consents");

            migrationBuilder.DropTable(
                name: "login_names");

            migrationBuilder.DropTable(
                name: "measure_forms");

            migrationBuilder.DropTable(
                name: "measure_results");

            migrationBuilder.DropTable(
                name: "measures");

            migrationBuilder.DropTable(
                name: "note_addenda");

            migrationBuilder.DropTable(
                name: "note_releases");

            migrationBuilder.DropTable(
                name: "practice_logos");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "safety_alerts");

            migrationBuilder.DropTable(
                name: "scale_answers");

            migrationBuilder.DropTable(
                name: "session_attendees");

            migrationBuilder.DropTable(
                name: "submission_shares");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "notes");

            migrationBuilder.DropTable(
                name: "homework_submissions");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "assignment_occurrences");

            migrationBuilder.DropTable(
                name: "assignments");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "exercise_versions");

            migrationBuilder.DropTable(
                name: "exercises");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "practices");
        }
    }
}
