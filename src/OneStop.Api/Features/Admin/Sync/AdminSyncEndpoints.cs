using OneStop.Api.Common;

namespace OneStop.Api.Features.Admin.Sync;

public static class AdminSyncEndpoints
{
    public const string SyncPath = "/api/admin/sync";

    /// <summary>The national portal outbox for administrators (DESIGN §9): its state and the retry of dead letters.</summary>
    public static IEndpointRouteBuilder MapAdminSyncApi(this IEndpointRouteBuilder app)
    {
        var sync = app.MapGroup(SyncPath).WithTags("Admin: national portal sync").RequireAuthorization(Policies.Admin);
        sync.MapGet("/", GetSyncStatus.Handle)
            .WithSummary("Trạng thái đồng bộ Cổng DVCQG: số bản tin chờ gửi, đã gửi, đang lỗi, bị dừng (dead letter), tuổi bản tin chờ lâu nhất, và danh sách bản tin lỗi/bị dừng (mới nhất trước).");
        sync.MapPost("/{id:long}/retry", RetrySyncMessage.Handle)
            .WithSummary("Gửi lại một bản tin bị dừng (dead letter) sau khi đã khắc phục nguyên nhân; các bản tin sau của hồ sơ đi tiếp theo thứ tự.");
        return app;
    }
}
