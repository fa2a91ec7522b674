using System.Diagnostics;

namespace OneStop.Infrastructure.Telemetry;

/// <summary>The names our own spans and metrics travel under, next to ASP.NET Core's, HttpClient's, EF Core's and Npgsql's.</summary>
public static class OneStopTelemetry
{
    public const string Name = "OneStop";

    /// <summary>Spans for background jobs and national portal sends (the HTTP call itself is HttpClient's span inside).</summary>
    public static readonly ActivitySource Source = new(Name);
}
