using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Issue13Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingMinutes",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProcessingWorkingMinutes",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DossierReportFacts",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedUnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    PapersElectronic = table.Column<bool>(type: "boolean", nullable: false),
                    PapersReused = table.Column<bool>(type: "boolean", nullable: false),
                    LegalDueDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedUnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    ResolvedLate = table.Column<bool>(type: "boolean", nullable: false),
                    ResultElectronic = table.Column<bool>(type: "boolean", nullable: false),
                    ProcessingWorkingMinutes = table.Column<int>(type: "integer", nullable: true),
                    PausedWorkingMinutes = table.Column<int>(type: "integer", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedUnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CurrentUnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    CurrentStepId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PausedSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierReportFacts", x => x.DossierId);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshotDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshotDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    ReceivedCounter = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedPost = table.Column<int>(type: "integer", nullable: false),
                    ReceivedFullOnlineProcedure = table.Column<int>(type: "integer", nullable: false),
                    ReceivedFullOnlineProcedureOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDigitized = table.Column<int>(type: "integer", nullable: false),
                    ReceivedReusing = table.Column<int>(type: "integer", nullable: false),
                    ReceivedUnsynced = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    ResolvedLate = table.Column<int>(type: "integer", nullable: false),
                    ResolvedElectronicResult = table.Column<int>(type: "integer", nullable: false),
                    ResolvedTimed = table.Column<int>(type: "integer", nullable: false),
                    ProcessingWorkingMinutes = table.Column<long>(type: "bigint", nullable: false),
                    PausedWorkingMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Returned = table.Column<int>(type: "integer", nullable: false),
                    NotAccepted = table.Column<int>(type: "integer", nullable: false),
                    Declined = table.Column<int>(type: "integer", nullable: false),
                    Withdrawn = table.Column<int>(type: "integer", nullable: false),
                    InProgress = table.Column<int>(type: "integer", nullable: false),
                    InProgressOverdue = table.Column<int>(type: "integer", nullable: false),
                    Rated1 = table.Column<int>(type: "integer", nullable: false),
                    Rated2 = table.Column<int>(type: "integer", nullable: false),
                    Rated3 = table.Column<int>(type: "integer", nullable: false),
                    Rated4 = table.Column<int>(type: "integer", nullable: false),
                    Rated5 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshots", x => new { x.Day, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "SatisfactionRatings",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionRatings", x => x.DossierId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_SubmittedAt",
                table: "Dossiers",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_Action_At_UnitCode_FromStatus",
                table: "DossierEvents",
                columns: new[] { "Action", "At", "UnitCode", "FromStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierReportFacts_Open",
                table: "DossierReportFacts",
                columns: new[] { "EndedAt", "ReceivedAt", "CurrentUnitCode", "ProcedureId", "CurrentStepId", "LegalDueDate", "PausedSince" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierReportFacts_Received",
                table: "DossierReportFacts",
                columns: new[] { "ReceivedAt", "ReceivedUnitCode", "Channel", "ProcedureId", "DefinitionVersion", "PapersElectronic", "PapersReused" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierReportFacts_Resolved",
                table: "DossierReportFacts",
                columns: new[] { "ResolvedAt", "ResolvedUnitCode", "ResolvedLate", "ResultElectronic", "ProcessingWorkingMinutes", "PausedWorkingMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierReportFacts_Returned",
                table: "DossierReportFacts",
                columns: new[] { "ReturnedAt", "ReturnedUnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionRatings_RatedAt_UnitCode_Score",
                table: "SatisfactionRatings",
                columns: new[] { "RatedAt", "UnitCode", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierReportFacts");

            migrationBuilder.DropTable(
                name: "IndicatorSnapshotDays");

            migrationBuilder.DropTable(
                name: "IndicatorSnapshots");

            migrationBuilder.DropTable(
                name: "SatisfactionRatings");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_SubmittedAt",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_DossierEvents_Action_At_UnitCode_FromStatus",
                table: "DossierEvents");

            migrationBuilder.DropColumn(
                name: "PausedWorkingMinutes",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ProcessingWorkingMinutes",
                table: "Dossiers");
        }
    }
}
