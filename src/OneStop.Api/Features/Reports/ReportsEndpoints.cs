using OneStop.Api.Common;

namespace OneStop.Api.Features.Reports;

/// <summary>DESIGN §11 for leaders (their unit and below) and admins (any unit, or the whole system).</summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.ReportReader);
        group.MapGet("/indicators", GetIndicators.Handle)
            .WithSummary("Chỉ số theo đơn vị (gồm đơn vị trực thuộc) và kỳ báo cáo (from, to: yyyy-MM-dd; tree=history|current).");
        group.MapGet("/indicators.csv", IndicatorsCsv.Handle).Produces(StatusCodes.Status200OK, contentType: Csv.ContentType)
            .WithSummary("Các chỉ số như trên, dạng CSV (UTF-8 có BOM để Excel đọc đúng tiếng Việt).");
        group.MapGet("/scorecard", GetScorecard.Handle)
            .WithSummary("Bảng điểm theo Quyết định 766/QĐ-TTg của một năm: điểm từng nhóm, từng chỉ số và số liệu tạo nên điểm.");
        return app;
    }
}
