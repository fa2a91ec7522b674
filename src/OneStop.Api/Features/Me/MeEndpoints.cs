using OneStop.Api.Common;

namespace OneStop.Api.Features.Me;

/// <summary>A citizen's own space: their dossiers (and, with issue 5, their document repository).</summary>
public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(Policies.Citizen);
        group.MapGet("/dossiers", ListMyDossiers.Handle)
            .WithSummary("Hồ sơ của tôi: trạng thái, bước hiện tại, hạn trả và việc tôi cần làm tiếp theo.");
        var inbox = app.MapGroup("/api/me/notifications").WithTags("Me").RequireAuthorization(Policies.Officer);
        inbox.MapGet("/", Notifications.List).WithSummary("Hộp thư của cán bộ: việc được giao, sắp đến hạn, quá hạn, xin ý kiến (lọc unread=true).");
        inbox.MapPost("/{id:guid}/read", Notifications.MarkRead).WithSummary("Đánh dấu một thông báo đã đọc.");
        return app;
    }
}
