using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CitizensUnitsDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AccessFailedCount",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockoutEnd",
                table: "Users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RequeuedAt",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldsJson",
                table: "DossierDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentReuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepositoryDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentReuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReferencedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalCatalogueChecks",
                columns: table => new
                {
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KnownNationally = table.Column<bool>(type: "INTEGER", nullable: false),
                    NationalName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalCatalogueChecks", x => x.ProcedureCode);
                });

            migrationBuilder.CreateTable(
                name: "OutboxLeases",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxLeases", x => x.DossierId);
                });

            migrationBuilder.CreateTable(
                name: "RepositoryDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceDossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Digitized = table.Column<bool>(type: "INTEGER", nullable: false),
                    Signed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReuseCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepositoryDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResultSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CertificateThumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultSignatures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInAudits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReuses_DossierCode",
                table: "DocumentReuses",
                column: "DossierCode");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReuses_RepositoryDocumentId",
                table: "DocumentReuses",
                column: "RepositoryDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_ReferencedAt_UploadedAt",
                table: "Files",
                columns: new[] { "ReferencedAt", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Files_Sha256",
                table: "Files",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryDocuments_OwnerId_TypeCode",
                table: "RepositoryDocuments",
                columns: new[] { "OwnerId", "TypeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultSignatures_Sha256",
                table: "ResultSignatures",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_SignInAudits_At",
                table: "SignInAudits",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SignInAudits_UserName_At",
                table: "SignInAudits",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentReuses");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "NationalCatalogueChecks");

            migrationBuilder.DropTable(
                name: "OutboxLeases");

            migrationBuilder.DropTable(
                name: "RepositoryDocuments");

            migrationBuilder.DropTable(
                name: "ResultSignatures");

            migrationBuilder.DropTable(
                name: "SignInAudits");

            migrationBuilder.DropColumn(
                name: "AccessFailedCount",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "LockoutEnd",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "RequeuedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "FieldsJson",
                table: "DossierDocuments");
        }
    }
}
