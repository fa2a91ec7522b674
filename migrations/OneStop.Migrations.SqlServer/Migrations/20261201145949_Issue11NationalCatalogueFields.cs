using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue11NationalCatalogueFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FieldCode",
                table: "NationalCatalogueChecks",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldName",
                table: "NationalCatalogueChecks",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FieldCode",
                table: "NationalCatalogueChecks");

            migrationBuilder.DropColumn(
                name: "FieldName",
                table: "NationalCatalogueChecks");
        }
    }
}
