namespace OneStop.Api.Common;

/// <summary>Strong ETags from a row's concurrency counter: <c>"7"</c>.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>Null when If-Match names this version (or *), otherwise why the write is refused.</summary>
    public static string? CheckIfMatch(HttpRequest request, int currentVersion)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return "Thiếu tiêu đề If-Match: hãy đọc hồ sơ và gửi lại ETag nhận được.";
        var tags = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return tags.Any(t => t == "*" || t.TrimStart('W', '/') == For(currentVersion))
            ? null
            : "Hồ sơ đã được người khác thay đổi sau lần đọc của bạn (ETag không khớp). Hãy đọc lại rồi thao tác.";
    }
}
