using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// Every instant is stored as UTC <see cref="DateTime"/>: SQLite cannot compare or order
/// <see cref="DateTimeOffset"/>, and it hands back Kind Unspecified, which this converter marks as UTC.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
