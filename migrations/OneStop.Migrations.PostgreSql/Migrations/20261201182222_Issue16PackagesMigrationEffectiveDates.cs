using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Issue16PackagesMigrationEffectiveDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PackageCode",
                table: "Dossiers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "DefinitionVersions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "DefinitionVersions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "procedure");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastMigratedAt",
                table: "DefinitionVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DossierPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TrackingSecret = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PackageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceivingUnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ApplicantRepresentative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OwnerUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierPackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DossierPackageMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProcedureId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    AfterList = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PapersFromJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DocumentsJson = table.Column<string>(type: "text", nullable: true),
                    FormJson = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DossierPackageId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierPackageMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierPackageMembers_DossierPackages_DossierPackageId",
                        column: x => x.DossierPackageId,
                        principalTable: "DossierPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_PackageCode",
                table: "Dossiers",
                column: "PackageCode");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPackageMembers_DossierCode",
                table: "DossierPackageMembers",
                column: "DossierCode");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPackageMembers_DossierPackageId",
                table: "DossierPackageMembers",
                column: "DossierPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPackages_ApplicantIdNumber",
                table: "DossierPackages",
                column: "ApplicantIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_DossierPackages_Code",
                table: "DossierPackages",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierPackages_OwnerUserName",
                table: "DossierPackages",
                column: "OwnerUserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierPackageMembers");

            migrationBuilder.DropTable(
                name: "DossierPackages");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_PackageCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PackageCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "DefinitionVersions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "DefinitionVersions");

            migrationBuilder.DropColumn(
                name: "LastMigratedAt",
                table: "DefinitionVersions");
        }
    }
}
