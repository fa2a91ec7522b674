namespace OneStop.Api.Common;

/// <summary>Every list of the API: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>Paging query values, clamped to sane bounds.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static Paging From(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}
