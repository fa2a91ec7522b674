using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Common;

/// <summary>Maps domain refusals and framework errors to ProblemDetails (jasontaylordev's pattern).</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, field) = exception switch
        {
            DossierRefusedException refused => (refused.Kind switch
            {
                RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
                RefusalKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            }, "Thao tác bị từ chối", refused.Message, refused.Field),
            DbUpdateConcurrencyException => (StatusCodes.Status412PreconditionFailed, "Dữ liệu đã thay đổi",
                "Dữ liệu đã được người khác thay đổi cùng lúc; hãy đọc lại rồi thao tác.", "If-Match"),
            BadHttpRequestException bad => (bad.StatusCode, "Yêu cầu không hợp lệ",
                "Nội dung yêu cầu không đọc được (JSON sai cú pháp hoặc sai kiểu dữ liệu): " + (bad.InnerException?.Message ?? bad.Message), null),
            _ when DatabaseFailures.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Tạm thời không phục vụ được",
                "Không kết nối được cơ sở dữ liệu; yêu cầu chưa được thực hiện, hãy gửi lại sau ít giây.", null),
            _ => (0, "", "", null),
        };
        if (status == 0)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Database unavailable for {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
