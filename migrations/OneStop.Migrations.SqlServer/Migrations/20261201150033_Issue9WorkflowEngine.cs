using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue9WorkflowEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormJson",
                table: "Dossiers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerUserName",
                table: "Dossiers",
                type: "nvarchar(64)", maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Units",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "committee");

            migrationBuilder.AddColumn<string>(
                name: "AssigneeUserName",
                table: "Dossiers",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FormJson",
                table: "Dossiers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepEntry",
                table: "Dossiers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DossierConsultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StepId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    UnitCode = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DocumentFileIds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DossierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierConsultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierConsultations_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IssuedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Signed = table.Column<bool>(type: "bit", nullable: false),
                    SignedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DossierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierResults_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierTimers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StepId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StepEntry = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: true),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DossierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierTimers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierTimers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DossierCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CurrentUnitCode_AssigneeUserName",
                table: "Dossiers",
                columns: new[] { "CurrentUnitCode", "AssigneeUserName" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierConsultations_DossierId",
                table: "DossierConsultations",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierConsultations_UnitCode_AnsweredAt",
                table: "DossierConsultations",
                columns: new[] { "UnitCode", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierResults_DossierId",
                table: "DossierResults",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierTimers_DoneAt_DueAt",
                table: "DossierTimers",
                columns: new[] { "DoneAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierTimers_DossierId",
                table: "DossierTimers",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserName_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserName", "ReadAt", "CreatedAt" });

            // The one result a dossier had becomes the first row of its results; issued results were signed then.
            migrationBuilder.Sql("""
                INSERT INTO [DossierResults] ([DossierId], [Code], [Name], [IssuedAt], [IssuedBy], [FileId], [Signed], [SignedBy])
                SELECT [Id], [ResultCode], [ResultName], [ResultIssuedAt], [ResultIssuedBy], [ResultFileId], CAST(1 AS bit), NULL
                FROM [Dossiers] WHERE [ResultCode] IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "ResultCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResultFileId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResultName",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResultIssuedBy",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResultIssuedAt",
                table: "Dossiers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierConsultations");

            migrationBuilder.DropTable(
                name: "DossierResults");

            migrationBuilder.DropTable(
                name: "DossierTimers");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CurrentUnitCode_AssigneeUserName",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "AssigneeUserName",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FormJson",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "StepEntry",
                table: "Dossiers");

            migrationBuilder.RenameColumn(
                name: "SignerUserName",
                table: "Dossiers",
                newName: "ResultIssuedBy");

            migrationBuilder.AddColumn<string>(
                name: "ResultCode",
                table: "Dossiers",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResultFileId",
                table: "Dossiers",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResultIssuedAt",
                table: "Dossiers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultName",
                table: "Dossiers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }
    }
}
