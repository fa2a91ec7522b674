using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Reports;

/// <summary>Routes and small helpers of the report tests.</summary>
internal static class ReportClient
{
    public const string Indicators = "/api/reports/indicators";
    public const string IndicatorsCsv = "/api/reports/indicators.csv";
    public const string Scorecard = "/api/reports/scorecard";
    public const string OpenData = "/api/open-data/indicators";
    public const string BirthRegistration = "ho-tich.dang-ky-khai-sinh";
    public const string HouseholdBusiness = "ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh";

    public static string Rating(string code) => $"/api/dossiers/{code}/rating";

    public static async Task<JsonObject> IndicatorsAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Indicators}?{query}");
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"indicators?{query}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static int Int(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node![part];
        return node!.GetValue<int>();
    }

    public static double? Number(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node![part];
        return node?.GetValue<double>();
    }

    /// <summary>Submits a counter dossier of <paramref name="procedureId"/> in congdan's name and receives it.</summary>
    public static async Task<string> ReceivedAtCounterAsync(this HttpClient reception, string procedureId, string unit, string[] papers)
    {
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(procedureId, unit, papers))).Str("code");
        await reception.ActAsync(code, "receive");
        return code;
    }

    public static Task<HttpResponseMessage> RateAsync(this HttpClient citizen, string code, int? score, string? comment = null) =>
        citizen.PostAsJsonAsync(Rating(code), new { score, comment });

    /// <summary>
    /// Writes an event straight into a dossier's history, as a later action (say, issue 10's decline) would. Quoted
    /// identifiers, so the same SQL runs on SQLite, SQL Server and PostgreSQL.
    /// </summary>
    public static Task AddHandMadeEventAsync(this OneStopFactory factory, string code, int sequence, string action, string unit,
        string fromStatus, string toStatus, DateTimeOffset at) =>
        factory.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DossierEvents" ("DossierId", "Sequence", "At", "Action", "Actor", "UnitCode", "FromStatus", "ToStatus", "FromStep", "ToStep", "ToUnitCode")
            SELECT "Id", {sequence}, {at.UtcDateTime}, {action}, 'lanhdao.xa', {unit}, {fromStatus}, {toStatus}, "CurrentStepId", "CurrentStepId", {unit}
            FROM "Dossiers" WHERE "Code" = {code}
            """));
}
