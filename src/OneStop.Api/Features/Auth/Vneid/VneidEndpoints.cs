using OneStop.Api.Common;

namespace OneStop.Api.Features.Auth.Vneid;

public static class VneidEndpoints
{
    public static IEndpointRouteBuilder MapVneidApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/vneid").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        group.MapGet("/login", VneidSignIn.Login)
            .WithSummary("Đăng nhập bằng VNeID: chuyển hướng (302) tới trang đăng nhập của VNeID (mã ủy quyền + PKCE); returnUrl là đường dẫn trong hệ thống.");
        group.MapGet("/callback", VneidSignIn.CallbackDocumentation)
            .WithSummary("VNeID chuyển về với code và state: trả { accessToken, expiresIn, roles, vneidLevel } của tài khoản công dân (tạo ở lần đăng nhập đầu).");
        return app;
    }
}
