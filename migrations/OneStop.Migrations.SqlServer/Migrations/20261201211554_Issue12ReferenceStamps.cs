using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OneStop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue12ReferenceStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferenceStamps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceStamps", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "ReferenceStamps",
                columns: new[] { "Name", "Stamp" },
                values: new object[,]
                {
                    { "calendar", new Guid("6f1d2c1e-0000-4000-8000-000000000002") },
                    { "units", new Guid("6f1d2c1e-0000-4000-8000-000000000001") }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferenceStamps");
        }
    }
}
