namespace OneStop.Api.Tests.Authorization;

/// <summary>
/// One row of the authorization matrix: who calls which endpoint, in what situation, and the status the
/// API must answer. <see cref="Pattern"/> is the endpoint's route pattern, for the coverage check.
/// </summary>
/// <remarks>
/// Callers: <c>anonymous</c>; <c>citizen:owner</c> (congdan, whose dossier it is) and <c>citizen:other</c>;
/// officers of the dossier's unit, commune 22918 (<c>reception:own</c>, <c>specialist:own</c>, <c>leader:own</c>)
/// and of another unit, district 593 (<c>reception:other</c>); <c>admin</c>; <c>portal-key</c> (mock portal API key).
/// Setups: <c>submitted</c> / <c>received</c> (a fresh online birth registration of congdan at 22918),
/// <c>file</c> (a fresh upload of congdan), <c>draft</c> / <c>published</c> (a fresh definition).
/// </remarks>
public sealed record Rule(string Method, string Pattern, string Route, string Caller, int Expected, string Setup = "", string Body = "")
{
    public override string ToString() => $"{Method} {Route} as {Caller}{(Setup.Length > 0 ? $" ({Setup})" : "")} → {Expected}";
}

public static class AuthorizationMatrix
{
    private const string Dossier = "/api/dossiers/{code}";
    private const string Definition = "/api/workflow-definitions/{id}";

    public static readonly IReadOnlyList<Rule> Rules =
    [
        // Platform and sign-in
        new("GET", "/health/live", "/health/live", "anonymous", 200),
        new("GET", "/health/ready", "/health/ready", "anonymous", 200),
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", "anonymous", 200),
        new("GET", "/scalar/{documentName?}", "/scalar", "anonymous", 200),
        new("POST", "/api/auth/token", "/api/auth/token", "anonymous", 200, Body: "token"),
        new("POST", "/api/auth/session", "/api/auth/session", "anonymous", 200, Body: "token"),
        new("DELETE", "/api/auth/session", "/api/auth/session", "anonymous", 204),
        new("GET", "/dashboard", "/dashboard", "anonymous", 200),

        // Units and calendar
        new("GET", "/api/units/", "/api/units", "anonymous", 200),
        new("GET", "/api/units/{code}", "/api/units/22918", "anonymous", 200),
        new("POST", "/api/units/{code}/merge-into/{successorCode}", "/api/units/22918/merge-into/22918", "admin", 422),
        new("POST", "/api/units/{code}/merge-into/{successorCode}", "/api/units/22918/merge-into/22918", "leader:own", 403),
        new("POST", "/api/units/{code}/merge-into/{successorCode}", "/api/units/22918/merge-into/22918", "citizen:owner", 403),
        new("POST", "/api/units/{code}/merge-into/{successorCode}", "/api/units/22918/merge-into/22918", "anonymous", 401),
        new("GET", "/api/calendar/{year}", "/api/calendar/2026", "anonymous", 200),
        new("PUT", "/api/calendar/{date}", "/api/calendar/2026-12-31", "admin", 200, Body: "calendar"),
        new("PUT", "/api/calendar/{date}", "/api/calendar/2026-12-31", "reception:own", 403, Body: "calendar"),
        new("PUT", "/api/calendar/{date}", "/api/calendar/2026-12-31", "anonymous", 401, Body: "calendar"),

        // Procedures and workflow definitions
        new("GET", "/api/procedures/", "/api/procedures", "anonymous", 200),
        new("GET", "/api/procedures/{id}", "/api/procedures/ho-tich.dang-ky-khai-sinh", "anonymous", 200),
        new("GET", "/api/workflow-definitions/", "/api/workflow-definitions", "admin", 200),
        new("GET", "/api/workflow-definitions/", "/api/workflow-definitions", "reception:own", 403),
        new("GET", "/api/workflow-definitions/", "/api/workflow-definitions", "citizen:owner", 403),
        new("GET", "/api/workflow-definitions/", "/api/workflow-definitions", "anonymous", 401),
        new("POST", "/api/workflow-definitions/", "/api/workflow-definitions", "admin", 201, Body: "definition"),
        new("POST", "/api/workflow-definitions/", "/api/workflow-definitions", "leader:own", 403, Body: "definition"),
        new("POST", "/api/workflow-definitions/validate", "/api/workflow-definitions/validate", "admin", 200, Body: "definition"),
        new("POST", "/api/workflow-definitions/validate", "/api/workflow-definitions/validate", "specialist:own", 403, Body: "definition"),
        new("GET", Definition, "/api/workflow-definitions/ho-tich.dang-ky-khai-sinh", "admin", 200),
        new("GET", Definition, "/api/workflow-definitions/ho-tich.dang-ky-khai-sinh", "specialist:own", 403),
        new("PUT", Definition + "/draft", "/api/workflow-definitions/{id}/draft", "admin", 200, "draft", "definition"),
        new("PUT", Definition + "/draft", "/api/workflow-definitions/{id}/draft", "reception:own", 403, "draft", "definition"),
        new("POST", Definition + "/publish", "/api/workflow-definitions/{id}/publish", "admin", 200, "draft"),
        new("POST", Definition + "/publish", "/api/workflow-definitions/{id}/publish", "leader:own", 403, "draft"),
        new("POST", Definition + "/retire", "/api/workflow-definitions/{id}/retire", "admin", 200, "published"),
        new("POST", Definition + "/retire", "/api/workflow-definitions/{id}/retire", "leader:own", 403, "published"),
        new("GET", Definition + "/versions/{version}/diagram", "/api/workflow-definitions/ho-tich.dang-ky-khai-sinh/versions/1/diagram", "admin", 200),
        new("GET", Definition + "/versions/{version}/diagram", "/api/workflow-definitions/ho-tich.dang-ky-khai-sinh/versions/1/diagram", "reception:own", 403),

        // Dossiers: submit and the work queue
        new("POST", "/api/dossiers/", "/api/dossiers", "reception:own", 201, Body: "counter"),
        new("POST", "/api/dossiers/", "/api/dossiers", "citizen:owner", 201, Body: "online"),
        new("POST", "/api/dossiers/", "/api/dossiers", "reception:other", 403, Body: "counter"),
        new("POST", "/api/dossiers/", "/api/dossiers", "specialist:own", 403, Body: "counter"),
        new("POST", "/api/dossiers/", "/api/dossiers", "leader:own", 403, Body: "counter"),
        new("POST", "/api/dossiers/", "/api/dossiers", "admin", 403, Body: "counter"),
        new("POST", "/api/dossiers/", "/api/dossiers", "anonymous", 401, Body: "counter"),
        new("GET", "/api/dossiers/", "/api/dossiers", "reception:own", 200),
        new("GET", "/api/dossiers/", "/api/dossiers", "specialist:own", 200),
        new("GET", "/api/dossiers/", "/api/dossiers", "leader:own", 200),
        new("GET", "/api/dossiers/", "/api/dossiers", "admin", 200),
        new("GET", "/api/dossiers/", "/api/dossiers?unit=593", "reception:own", 403),
        new("GET", "/api/dossiers/", "/api/dossiers", "citizen:owner", 403),
        new("GET", "/api/dossiers/", "/api/dossiers", "anonymous", 401),

        // One dossier: own unit / other unit / own dossier / someone else's
        new("GET", Dossier, Dossier, "citizen:owner", 200, "submitted"),
        new("GET", Dossier, Dossier, "citizen:other", 404, "submitted"),
        new("GET", Dossier, Dossier, "reception:own", 200, "submitted"),
        new("GET", Dossier, Dossier, "specialist:own", 200, "submitted"),
        new("GET", Dossier, Dossier, "reception:other", 404, "submitted"),
        new("GET", Dossier, Dossier, "admin", 200, "submitted"),
        new("GET", Dossier, Dossier, "anonymous", 401, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "reception:own", 200, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "reception:other", 404, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "specialist:own", 403, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "citizen:owner", 403, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "citizen:other", 404, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "admin", 403, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/receive", "anonymous", 401, "submitted"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/withdraw", "citizen:owner", 200, "received"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/withdraw", "citizen:other", 404, "received"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/forward", "specialist:own", 200, "received"),
        new("POST", Dossier + "/actions/{action}", Dossier + "/actions/forward", "leader:own", 403, "received"),
        new("GET", Dossier + "/history", Dossier + "/history", "citizen:owner", 200, "submitted"),
        new("GET", Dossier + "/history", Dossier + "/history", "leader:own", 200, "submitted"),
        new("GET", Dossier + "/history", Dossier + "/history", "citizen:other", 404, "submitted"),
        new("GET", Dossier + "/history", Dossier + "/history", "reception:other", 404, "submitted"),
        new("GET", Dossier + "/history", Dossier + "/history", "anonymous", 401, "submitted"),
        new("GET", Dossier + "/receipt", Dossier + "/receipt", "citizen:owner", 200, "received"),
        new("GET", Dossier + "/receipt", Dossier + "/receipt", "reception:own", 200, "received"),
        new("GET", Dossier + "/receipt", Dossier + "/receipt", "reception:other", 404, "received"),
        new("GET", Dossier + "/receipt", Dossier + "/receipt", "citizen:other", 404, "received"),
        new("GET", Dossier + "/receipt", Dossier + "/receipt", "anonymous", 401, "received"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "reception:own", 200, "received", "digitize"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "specialist:own", 403, "received", "digitize"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "reception:other", 404, "received", "digitize"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "citizen:owner", 403, "received", "digitize"),

        // Files, the citizen's own views, the data repository
        new("POST", "/api/files/", "/api/files", "citizen:owner", 201, Body: "upload"),
        new("POST", "/api/files/", "/api/files", "reception:own", 201, Body: "upload"),
        new("POST", "/api/files/", "/api/files", "anonymous", 401, Body: "upload"),
        new("GET", "/api/files/{id}", "/api/files/{file}", "citizen:owner", 200, "file"),
        new("GET", "/api/files/{id}", "/api/files/{file}", "citizen:other", 404, "file"),
        new("GET", "/api/files/{id}", "/api/files/{file}", "reception:own", 404, "file"),
        new("GET", "/api/files/{id}", "/api/files/{file}", "admin", 200, "file"),
        new("GET", "/api/files/{id}", "/api/files/{file}", "anonymous", 401, "file"),
        new("GET", "/api/me/dossiers", "/api/me/dossiers", "citizen:owner", 200),
        new("GET", "/api/me/dossiers", "/api/me/dossiers", "reception:own", 403),
        new("GET", "/api/me/dossiers", "/api/me/dossiers", "admin", 403),
        new("GET", "/api/me/dossiers", "/api/me/dossiers", "anonymous", 401),
        new("GET", "/api/me/documents", "/api/me/documents", "citizen:owner", 200),
        new("GET", "/api/me/documents", "/api/me/documents", "specialist:own", 403),
        new("GET", "/api/me/documents", "/api/me/documents", "anonymous", 401),
        new("GET", "/api/repository/{ownerId}/documents", "/api/repository/060095000123/documents", "reception:own", 200),
        new("GET", "/api/repository/{ownerId}/documents", "/api/repository/060095000123/documents", "citizen:owner", 403),
        new("GET", "/api/repository/{ownerId}/documents", "/api/repository/060095000123/documents", "anonymous", 401),

        // Public: tracking and verification
        new("GET", "/api/public/dossiers/{code}", "/api/public/dossiers/{code}?secret={secret}", "anonymous", 200, "submitted"),
        new("GET", "/api/public/dossiers/{code}", "/api/public/dossiers/{code}?secret=WRONGSECRET", "anonymous", 404, "submitted"),
        new("POST", "/api/public/verify", "/api/public/verify", "anonymous", 200, Body: "upload"),

        // Reports (DESIGN §11): leaders for their unit and below, admins for any; open data for anyone
        new("GET", "/api/reports/indicators", "/api/reports/indicators", "leader:own", 200),
        new("GET", "/api/reports/indicators", "/api/reports/indicators", "admin", 200),
        new("GET", "/api/reports/indicators", "/api/reports/indicators?unit=593", "leader:own", 403),
        new("GET", "/api/reports/indicators", "/api/reports/indicators", "reception:own", 403),
        new("GET", "/api/reports/indicators", "/api/reports/indicators", "reception:other", 403),
        new("GET", "/api/reports/indicators", "/api/reports/indicators", "citizen:owner", 403),
        new("GET", "/api/reports/indicators", "/api/reports/indicators", "anonymous", 401),
        new("GET", "/api/reports/indicators.csv", "/api/reports/indicators.csv", "leader:own", 200),
        new("GET", "/api/reports/indicators.csv", "/api/reports/indicators.csv", "admin", 200),
        new("GET", "/api/reports/indicators.csv", "/api/reports/indicators.csv", "specialist:own", 403),
        new("GET", "/api/reports/indicators.csv", "/api/reports/indicators.csv", "citizen:owner", 403),
        new("GET", "/api/reports/indicators.csv", "/api/reports/indicators.csv", "anonymous", 401),
        new("GET", "/api/reports/scorecard", "/api/reports/scorecard?year=2026", "leader:own", 200),
        new("GET", "/api/reports/scorecard", "/api/reports/scorecard?year=2026", "admin", 200),
        new("GET", "/api/reports/scorecard", "/api/reports/scorecard?year=2026&unit=60", "leader:own", 403),
        new("GET", "/api/reports/scorecard", "/api/reports/scorecard?year=2026", "reception:own", 403),
        new("GET", "/api/reports/scorecard", "/api/reports/scorecard?year=2026", "citizen:owner", 403),
        new("GET", "/api/reports/scorecard", "/api/reports/scorecard?year=2026", "anonymous", 401),
        new("GET", "/api/open-data/indicators", "/api/open-data/indicators?year=2026", "anonymous", 200),
        // Satisfaction: only the owner, only once the result is returned (a received dossier is not yet: 409)
        new("POST", Dossier + "/rating", Dossier + "/rating", "citizen:owner", 409, "received", "rating"),
        new("POST", Dossier + "/rating", Dossier + "/rating", "citizen:other", 404, "received", "rating"),
        new("POST", Dossier + "/rating", Dossier + "/rating", "reception:own", 403, "received", "rating"),
        new("POST", Dossier + "/rating", Dossier + "/rating", "reception:other", 404, "received", "rating"),
        new("POST", Dossier + "/rating", Dossier + "/rating", "anonymous", 401, "received", "rating"),

        // Administration
        new("GET", "/api/admin/users/", "/api/admin/users", "admin", 200),
        new("GET", "/api/admin/users/", "/api/admin/users", "leader:own", 403),
        new("GET", "/api/admin/users/", "/api/admin/users", "anonymous", 401),
        new("POST", "/api/admin/users/", "/api/admin/users", "admin", 201, Body: "user"),
        new("POST", "/api/admin/users/", "/api/admin/users", "reception:own", 403, Body: "user"),
        new("GET", "/api/admin/users/{userName}", "/api/admin/users/tiepnhan.xa", "admin", 200),
        new("GET", "/api/admin/users/{userName}", "/api/admin/users/tiepnhan.xa", "reception:own", 403),
        new("PUT", "/api/admin/users/{userName}", "/api/admin/users/chuyenvien.huyen", "admin", 200, Body: "user-update"),
        new("PUT", "/api/admin/users/{userName}", "/api/admin/users/chuyenvien.huyen", "leader:own", 403, Body: "user-update"),
        new("POST", "/api/admin/users/{userName}/unlock", "/api/admin/users/chuyenvien.huyen/unlock", "admin", 200),
        new("POST", "/api/admin/users/{userName}/unlock", "/api/admin/users/chuyenvien.huyen/unlock", "leader:own", 403),
        new("GET", "/api/admin/sign-ins", "/api/admin/sign-ins", "admin", 200),
        new("GET", "/api/admin/sign-ins", "/api/admin/sign-ins", "reception:own", 403),
        // National portal sync: the outbox view and the retry of a dead letter (an unknown id answers 404 once authorized)
        new("GET", "/api/admin/sync/", "/api/admin/sync", "admin", 200),
        new("GET", "/api/admin/sync/", "/api/admin/sync", "leader:own", 403),
        new("GET", "/api/admin/sync/", "/api/admin/sync", "anonymous", 401),
        new("POST", "/api/admin/sync/{id}/retry", "/api/admin/sync/987654321/retry", "admin", 404),
        new("POST", "/api/admin/sync/{id}/retry", "/api/admin/sync/987654321/retry", "reception:own", 403),
        new("POST", "/api/admin/sync/{id}/retry", "/api/admin/sync/987654321/retry", "anonymous", 401),
    ];
}
