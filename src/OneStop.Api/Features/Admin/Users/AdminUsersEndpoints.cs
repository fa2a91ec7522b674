using OneStop.Api.Common;

namespace OneStop.Api.Features.Admin.Users;

public static class AdminUsersEndpoints
{
    public const string UsersPath = "/api/admin/users";
    public const string SignInsPath = "/api/admin/sign-ins";
    public const string AuditPath = "/api/admin/audit";

    /// <summary>Accounts and the sign-in audit, for administrators only.</summary>
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup(UsersPath).WithTags("Admin: users").RequireAuthorization(Policies.Admin);
        users.MapPost("/", CreateUser.Handle).Validate<CreateUserRequest>()
            .WithSummary("Tạo tài khoản: cán bộ (kèm đơn vị), quản trị viên hoặc công dân (kèm số định danh).");
        users.MapGet("/", ListUsers.Handle).WithSummary("Danh sách tài khoản, lọc theo đơn vị và vai trò (không bao giờ trả mật khẩu hay mã băm).");
        users.MapGet("/{userName}", GetUser.Handle).WithSummary("Một tài khoản.");
        users.MapPut("/{userName}", UpdateUser.Handle).Validate<UpdateUserRequest>()
            .WithSummary("Đổi họ tên, vai trò, đơn vị của một tài khoản (có hiệu lực từ lần đăng nhập sau).");
        users.MapPost("/{userName}/unlock", UnlockUser.Handle).WithSummary("Mở khóa tài khoản bị tạm khóa do đăng nhập sai nhiều lần.");
        users.MapPost("/{userName}/disable", AccountLifecycle.Disable).Validate<DisableUserRequest>()
            .WithSummary("Vô hiệu hóa tài khoản { reason? }: không đăng nhập được nữa, mọi token đã cấp hết hiệu lực ngay.");
        users.MapPost("/{userName}/enable", AccountLifecycle.Enable).WithSummary("Cho tài khoản hoạt động lại (người dùng đăng nhập lại).");
        users.MapPost("/{userName}/reset-password", AccountLifecycle.ResetPassword)
            .WithSummary("Cấp mật khẩu tạm thời (hiển thị một lần, dùng cho một lần đăng nhập trong 72 giờ, buộc đổi mật khẩu); mọi token cũ hết hiệu lực.");
        app.MapGet(SignInsPath, ListSignIns.Handle).WithTags("Admin: users").RequireAuthorization(Policies.Admin)
            .WithSummary("Nhật ký đăng nhập (thành công và bị từ chối), mới nhất trước.");
        app.MapGet(AuditPath, ListAudit.Handle).WithTags("Admin: users").RequireAuthorization(Policies.Admin)
            .WithSummary("Nhật ký kiểm toán: thay đổi tài khoản và việc cán bộ xem kho dữ liệu của người dân (ai, với ai, việc gì, khi nào).");
        return app;
    }
}
