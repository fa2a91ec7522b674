using OneStop.Api.Common;

namespace OneStop.Api.Features.Public;

/// <summary>What anyone may read without signing in; every endpoint here is rate limited per client address.</summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        group.MapGet("/dossiers/{code}", TrackDossier.Handle)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (không có dữ liệu cá nhân).");
        return app;
    }
}
