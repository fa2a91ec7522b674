using Microsoft.AspNetCore.Http.HttpResults;

namespace OneStop.Api.Common;

/// <summary>RFC 9457 problems with a Vietnamese message and, where one field is wrong, its name.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, string? field = null, IDictionary<string, object?>? extensions = null)
    {
        var all = extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(extensions);
        if (field is not null)
            all["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: all);
    }

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static ProblemHttpResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, "Xung đột trạng thái", detail);

    public static ProblemHttpResult Unprocessable(string detail, string? field = null) =>
        Of(StatusCodes.Status422UnprocessableEntity, "Dữ liệu không hợp lệ", detail, field);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Of(StatusCodes.Status412PreconditionFailed, "Dữ liệu đã thay đổi", detail, "If-Match");
}
