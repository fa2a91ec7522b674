using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Issue10Reform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DissolutionJson",
                table: "Units",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantCommuneCode",
                table: "Dossiers",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetentUnitCode",
                table: "Dossiers",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReceptionDueDate",
                table: "Dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAt",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "DossierEvents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Copies",
                table: "DossierDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "PaperForm",
                table: "DossierDocuments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "copy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DissolutionJson",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ApplicantCommuneCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "CompetentUnitCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReceptionDueDate",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReturnAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Details",
                table: "DossierEvents");

            migrationBuilder.DropColumn(
                name: "Copies",
                table: "DossierDocuments");

            migrationBuilder.DropColumn(
                name: "PaperForm",
                table: "DossierDocuments");
        }
    }
}
