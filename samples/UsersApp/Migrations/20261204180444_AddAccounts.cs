using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sample.Migrations
{
    /// <inheritdoc />
    public partial class AddAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fwk_account_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
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
                    table.PrimaryKey("pk_fwk_account_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fwk_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_role_claims",
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
                    table.PrimaryKey("pk_fwk_account_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_fwk_account_role_claims_fwk_account_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "fwk_account_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    owner_stamp = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_fwk_account_api_keys_fwk_account_users_user_id",
                        column: x => x.user_id,
                        principalTable: "fwk_account_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_refresh_tokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    family_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_refresh_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_fwk_account_refresh_tokens_fwk_account_users_user_id",
                        column: x => x.user_id,
                        principalTable: "fwk_account_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_fwk_account_user_claims_fwk_account_users_user_id",
                        column: x => x.user_id,
                        principalTable: "fwk_account_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    provider_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_fwk_account_user_logins_fwk_account_users_user_id",
                        column: x => x.user_id,
                        principalTable: "fwk_account_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_fwk_account_user_roles_fwk_account_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "fwk_account_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_fwk_account_user_roles_fwk_account_users_user_id",
                        column: x => x.user_id,
                        principalTable: "fwk_account_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fwk_account_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fwk_account_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_fwk_account_user_tokens_fwk_account_users_user_id",
                        column: x => x.user_id,
                        principalTable: "fwk_account_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_api_keys_user_id",
                table: "fwk_account_api_keys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_refresh_tokens_family_id",
                table: "fwk_account_refresh_tokens",
                column: "family_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_refresh_tokens_token_hash",
                table: "fwk_account_refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_refresh_tokens_user_id",
                table: "fwk_account_refresh_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_role_claims_role_id",
                table: "fwk_account_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_roles_normalized_name",
                table: "fwk_account_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_user_claims_user_id",
                table: "fwk_account_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_user_logins_user_id",
                table: "fwk_account_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_user_roles_role_id",
                table: "fwk_account_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_users_normalized_email",
                table: "fwk_account_users",
                column: "normalized_email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fwk_account_users_normalized_user_name",
                table: "fwk_account_users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fwk_account_api_keys");

            migrationBuilder.DropTable(
                name: "fwk_account_refresh_tokens");

            migrationBuilder.DropTable(
                name: "fwk_account_role_claims");

            migrationBuilder.DropTable(
                name: "fwk_account_user_claims");

            migrationBuilder.DropTable(
                name: "fwk_account_user_logins");

            migrationBuilder.DropTable(
                name: "fwk_account_user_roles");

            migrationBuilder.DropTable(
                name: "fwk_account_user_tokens");

            migrationBuilder.DropTable(
                name: "fwk_data_protection_keys");

            migrationBuilder.DropTable(
                name: "fwk_account_roles");

            migrationBuilder.DropTable(
                name: "fwk_account_users");
        }
    }
}
