using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue12QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CurrentUnitCode_AssigneeUserName",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CurrentUnitCode_Status",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Queue",
                table: "Dossiers",
                columns: new[] { "CurrentUnitCode", "Status", "DueDate", "ReceptionDueDate", "SubmittedAt", "CurrentStepId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_QueueAssignee",
                table: "Dossiers",
                columns: new[] { "CurrentUnitCode", "AssigneeUserName", "DueDate", "ReceptionDueDate", "SubmittedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Queue",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_QueueAssignee",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CurrentUnitCode_AssigneeUserName",
                table: "Dossiers",
                columns: new[] { "CurrentUnitCode", "AssigneeUserName" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CurrentUnitCode_Status",
                table: "Dossiers",
                columns: new[] { "CurrentUnitCode", "Status" });
        }
    }
}
