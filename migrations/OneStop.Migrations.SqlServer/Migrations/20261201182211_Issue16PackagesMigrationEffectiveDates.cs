using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.SqlServer.Migrations
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
                type: "nvarchar(64)",
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
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "procedure");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastMigratedAt",
                table: "DefinitionVersions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DossierPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TrackingSecret = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PackageId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ReceivingUnitCode = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ApplicantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ApplicantType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ApplicantRepresentative = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OwnerUserName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierPackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DossierPackageMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Position = table.Column<int>(type: "int", nullable: false),
                    ProcedureId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    UnitCode = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    AfterList = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PapersFromJson = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DocumentsJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    FormJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DossierCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DossierPackageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
