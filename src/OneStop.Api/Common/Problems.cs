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

    /// <summary>
    /// Several wrong fields at once (an import list, a dissolution plan): 409 when every problem is a conflict with
    /// the stored state, else 422; <c>errors</c> names each field with its messages.
    /// </summary>
    public static ProblemHttpResult Many(IEnumerable<(string Field, string Message, bool IsConflict)> problems)
    {
        var list = problems.ToList();
        var conflict = list.All(p => p.IsConflict);
        var errors = list.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        var detail = list.Count == 1 ? list[0].Message
            : $"{list.Count} lỗi, không thay đổi gì: " + string.Join(" ", list.Take(5).Select(p => $"{p.Field}: {p.Message}")) + (list.Count > 5 ? " …" : "");
        return Of(conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            conflict ? "Xung đột trạng thái" : "Dữ liệu không hợp lệ", detail, extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Of(StatusCodes.Status412PreconditionFailed, "Dữ liệu đã thay đổi", detail, "If-Match");
}
