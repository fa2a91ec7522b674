using OneStop.Api.Common;

namespace OneStop.Api.Features.Me;

/// <summary>A citizen's own space: their dossiers (and, with issue 5, their document repository).</summary>
public static class MeEndpoints
{
    public const string PasswordPath = "/api/me/password";

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(Policies.Citizen);
        group.MapGet("/dossiers", ListMyDossiers.Handle)
            .WithSummary("Hồ sơ của tôi: trạng thái, bước hiện tại, hạn trả và việc tôi cần làm tiếp theo.");
        // Every account, not only citizens; the one endpoint a password-change token may call.
        app.MapPost(PasswordPath, ChangePassword.Handle).Validate<ChangePasswordRequest>().WithTags("Me")
            .RequireAuthorization().RequireRateLimiting(RateLimits.SignIn).WithMetadata(new Auth.PasswordChangeTokenAllowed())
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Đổi mật khẩu của chính mình { currentPassword, newPassword }; trả về access token mới (mọi token cũ hết hiệu lực).");
        var inbox = app.MapGroup("/api/me/notifications").WithTags("Me").RequireAuthorization(Policies.Officer);
        inbox.MapGet("/", Notifications.List).WithSummary("Hộp thư của cán bộ: việc được giao, sắp đến hạn, quá hạn, xin ý kiến (lọc unread=true).");
        inbox.MapPost("/{id:guid}/read", Notifications.MarkRead).WithSummary("Đánh dấu một thông báo đã đọc.");
        return app;
    }
}
