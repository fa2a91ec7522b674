using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue17NationalServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierReportFacts_Received",
                table: "DossierReportFacts");

            migrationBuilder.AddColumn<int>(
                name: "PaidOnline",
                table: "IndicatorSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedFromNationalDatabases",
                table: "IndicatorSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedVneidVerified",
                table: "IndicatorSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "FeePaidOnline",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "VneidLevel",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PapersFromNationalDatabases",
                table: "DossierReportFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "VneidVerified",
                table: "DossierReportFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantCommuneCode",
                table: "DossierPackages",
                type: "TEXT",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TakenFrom",
                table: "DossierDocuments",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalLookups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Record = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalLookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentCallbacks",
                columns: table => new
                {
                    BodyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentCallbacks", x => x.BodyHash);
                });

            migrationBuilder.CreateTable(
                name: "PaymentOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MerchantOrderRef = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PayUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransactionNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SettledBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LastCheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentOrders_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierReportFacts_Received",
                table: "DossierReportFacts",
                columns: new[] { "ReceivedAt", "ReceivedUnitCode", "Channel", "ProcedureId", "DefinitionVersion", "PapersElectronic", "PapersReused", "VneidVerified", "PapersFromNationalDatabases" });

            migrationBuilder.CreateIndex(
                name: "IX_NationalLookups_At",
                table: "NationalLookups",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_NationalLookups_SubjectId_At",
                table: "NationalLookups",
                columns: new[] { "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentOrders_DossierId",
                table: "PaymentOrders",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentOrders_MerchantOrderRef",
                table: "PaymentOrders",
                column: "MerchantOrderRef",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentOrders_OrderId",
                table: "PaymentOrders",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentOrders_State_SentAt",
                table: "PaymentOrders",
                columns: new[] { "State", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalLookups");

            migrationBuilder.DropTable(
                name: "PaymentCallbacks");

            migrationBuilder.DropTable(
                name: "PaymentOrders");

            migrationBuilder.DropIndex(
                name: "IX_DossierReportFacts_Received",
                table: "DossierReportFacts");

            migrationBuilder.DropColumn(
                name: "PaidOnline",
                table: "IndicatorSnapshots");

            migrationBuilder.DropColumn(
                name: "ReceivedFromNationalDatabases",
                table: "IndicatorSnapshots");

            migrationBuilder.DropColumn(
                name: "ReceivedVneidVerified",
                table: "IndicatorSnapshots");

            migrationBuilder.DropColumn(
                name: "FeePaidOnline",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "VneidLevel",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PapersFromNationalDatabases",
                table: "DossierReportFacts");

            migrationBuilder.DropColumn(
                name: "VneidVerified",
                table: "DossierReportFacts");

            migrationBuilder.DropColumn(
                name: "ApplicantCommuneCode",
                table: "DossierPackages");

            migrationBuilder.DropColumn(
                name: "TakenFrom",
                table: "DossierDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_DossierReportFacts_Received",
                table: "DossierReportFacts",
                columns: new[] { "ReceivedAt", "ReceivedUnitCode", "Channel", "ProcedureId", "DefinitionVersion", "PapersElectronic", "PapersReused" });
        }
    }
}
