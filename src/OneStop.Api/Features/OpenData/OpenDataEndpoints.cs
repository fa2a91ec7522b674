using OneStop.Api.Common;

namespace OneStop.Api.Features.OpenData;

public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/open-data").WithTags("Open data").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        group.MapGet("/indicators", GetOpenDataIndicators.Handle)
            .Produces(StatusCodes.Status200OK, contentType: Csv.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Dữ liệu mở: chỉ số từng đơn vị theo tháng của một năm (format=json|csv), không có dữ liệu cá nhân, ẩn số liệu dưới 5 hồ sơ.");
        return app;
    }
}
