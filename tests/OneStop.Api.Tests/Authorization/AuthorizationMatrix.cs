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
/// <c>file</c> (a fresh upload of congdan), <c>portal-link</c> (a signed download link to such a file, as the
/// national portal gets it), <c>draft</c> / <c>published</c> (a fresh definition).
/// </remarks>
public sealed record Rule(string Method, string Pattern, string Route, string Caller, int Expected, string Setup = "", string Body = "")
{
    public override string ToString() => $"{Method} {Route} as {Caller}{(Setup.Length > 0 ? $" ({Setup})" : "")} → {Expected}";
}

public static class AuthorizationMatrix
{
    private const string Dossier = "/api/dossiers/{code}";
    private const string Definition = "/api/workflow-definitions/{id}";
    private const string Repository = "/api/repository/060095000123/documents";

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
        // Editing the tree (issue 10): a body that changes nothing an admin is allowed to send, refused by the rules.
        new("POST", "/api/units/", "/api/units", "admin", 422),
        new("POST", "/api/units/", "/api/units", "leader:own", 403),
        new("POST", "/api/units/", "/api/units", "anonymous", 401),
        new("PUT", "/api/units/{code}", "/api/units/22918", "admin", 200),
        new("PUT", "/api/units/{code}", "/api/units/22918", "reception:own", 403),
        new("PUT", "/api/units/{code}", "/api/units/22918", "anonymous", 401),
        new("POST", "/api/units/import", "/api/units/import", "admin", 400),
        new("POST", "/api/units/import", "/api/units/import", "leader:own", 403),
        new("POST", "/api/units/import", "/api/units/import", "anonymous", 401),
        new("POST", "/api/units/{code}/dissolve", "/api/units/22918/dissolve", "admin", 422),
        new("POST", "/api/units/{code}/dissolve", "/api/units/22918/dissolve", "leader:own", 403),
        new("POST", "/api/units/{code}/dissolve", "/api/units/22918/dissolve", "citizen:owner", 403),
        new("POST", "/api/units/{code}/dissolve", "/api/units/22918/dissolve", "anonymous", 401),
        new("GET", "/api/calendar/{year}", "/api/calendar/2026", "anonymous", 200),
        new("PUT", "/api/calendar/days/{date}", "/api/calendar/days/2026-12-31", "admin", 200, Body: "calendar"),
        new("PUT", "/api/calendar/days/{date}", "/api/calendar/days/2026-12-31", "reception:own", 403, Body: "calendar"),
        new("PUT", "/api/calendar/days/{date}", "/api/calendar/days/2026-12-31", "anonymous", 401, Body: "calendar"),

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
        // Migration and simulation (DESIGN §4.3, §10): an admin's tools. A version onto itself is refused (422) after authorization.
        new("POST", Definition + "/migrate", "/api/workflow-definitions/{id}/migrate", "admin", 422, "published", "migrate"),
        new("POST", Definition + "/migrate", "/api/workflow-definitions/{id}/migrate", "leader:own", 403, "published", "migrate"),
        new("POST", Definition + "/migrate", "/api/workflow-definitions/{id}/migrate", "citizen:owner", 403, "published", "migrate"),
        new("POST", Definition + "/migrate", "/api/workflow-definitions/{id}/migrate", "anonymous", 401, "published", "migrate"),
        new("POST", Definition + "/simulate", "/api/workflow-definitions/{id}/simulate", "admin", 200, "draft", "simulate"),
        new("POST", Definition + "/simulate", "/api/workflow-definitions/{id}/simulate", "specialist:own", 403, "draft", "simulate"),
        new("POST", Definition + "/simulate", "/api/workflow-definitions/{id}/simulate", "anonymous", 401, "draft", "simulate"),

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
        new("GET", Dossier + "/papers/{kind}", Dossier + "/papers/receipt", "citizen:owner", 200, "received"),
        new("GET", Dossier + "/papers/{kind}", Dossier + "/papers/receipt", "reception:own", 200, "received"),
        new("GET", Dossier + "/papers/{kind}", Dossier + "/papers/apology", "reception:own", 409, "received"),
        new("GET", Dossier + "/papers/{kind}", Dossier + "/papers/receipt", "reception:other", 404, "received"),
        new("GET", Dossier + "/papers/{kind}", Dossier + "/papers/receipt", "citizen:other", 404, "received"),
        new("GET", Dossier + "/papers/{kind}", Dossier + "/papers/receipt", "anonymous", 401, "received"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "reception:own", 200, "received", "digitize"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "specialist:own", 403, "received", "digitize"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "reception:other", 404, "received", "digitize"),
        new("POST", Dossier + "/documents/{documentCode}/digitize", Dossier + "/documents/GCS/digitize", "citizen:owner", 403, "received", "digitize"),

        // Claimable work and consultations (issue 9). Birth registration has neither, so an officer allowed in gets 409
        // (the step does not allow it) — which shows the policy let them through to the domain.
        new("POST", Dossier + "/claim", Dossier + "/claim", "specialist:own", 409, "received"),
        new("POST", Dossier + "/claim", Dossier + "/claim", "reception:other", 404, "received"),
        new("POST", Dossier + "/claim", Dossier + "/claim", "citizen:owner", 403, "received"),
        new("POST", Dossier + "/claim", Dossier + "/claim", "anonymous", 401, "received"),
        new("POST", Dossier + "/release", Dossier + "/release", "specialist:own", 409, "received"),
        new("POST", Dossier + "/release", Dossier + "/release", "citizen:owner", 403, "received"),
        new("POST", Dossier + "/release", Dossier + "/release", "anonymous", 401, "received"),
        new("POST", Dossier + "/assign", Dossier + "/assign", "leader:own", 409, "received", "assign"),
        new("POST", Dossier + "/assign", Dossier + "/assign", "reception:other", 404, "received", "assign"),
        new("POST", Dossier + "/assign", Dossier + "/assign", "citizen:owner", 403, "received", "assign"),
        new("POST", Dossier + "/assign", Dossier + "/assign", "anonymous", 401, "received", "assign"),
        new("POST", Dossier + "/consultations/{unitCode}", Dossier + "/consultations/22918", "specialist:own", 409, "received", "opinion"),
        new("POST", Dossier + "/consultations/{unitCode}", Dossier + "/consultations/22918", "reception:other", 404, "received", "opinion"),
        new("POST", Dossier + "/consultations/{unitCode}", Dossier + "/consultations/22918", "citizen:owner", 403, "received", "opinion"),
        new("POST", Dossier + "/consultations/{unitCode}", Dossier + "/consultations/22918", "anonymous", 401, "received", "opinion"),
        new("GET", "/api/me/notifications/", "/api/me/notifications", "specialist:own", 200),
        new("GET", "/api/me/notifications/", "/api/me/notifications", "admin", 200),
        new("GET", "/api/me/notifications/", "/api/me/notifications", "citizen:owner", 403),
        new("GET", "/api/me/notifications/", "/api/me/notifications", "anonymous", 401),
        new("POST", "/api/me/notifications/{id:guid}/read", "/api/me/notifications/0194a2b1-0000-7000-8000-000000000001/read", "specialist:own", 404),
        new("POST", "/api/me/notifications/{id:guid}/read", "/api/me/notifications/0194a2b1-0000-7000-8000-000000000001/read", "citizen:owner", 403),
        new("POST", "/api/me/notifications/{id:guid}/read", "/api/me/notifications/0194a2b1-0000-7000-8000-000000000001/read", "anonymous", 401),

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
        // The repository: officers of the unit where the person's dossier is; reception with a stated purpose (issue 15)
        new("GET", "/api/repository/{ownerId}/documents", Repository, "reception:own", 200, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository, "specialist:own", 200, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository + "?dossier={code}", "leader:own", 200, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository, "reception:other", 403, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository + "?dossier={code}", "reception:other", 404, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository + "?purpose=nguoi-dang-nop-ho-so", "reception:other", 200, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository, "admin", 403, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository, "citizen:owner", 403, "submitted"),
        new("GET", "/api/repository/{ownerId}/documents", Repository, "anonymous", 401, "submitted"),

        // Public: tracking and verification
        new("GET", "/api/public/dossiers/{code}", "/api/public/dossiers/{code}?secret={secret}", "anonymous", 200, "submitted"),
        new("GET", "/api/public/dossiers/{code}", "/api/public/dossiers/{code}?secret=WRONGSECRET", "anonymous", 404, "submitted"),
        new("POST", "/api/public/verify", "/api/public/verify", "anonymous", 200, Body: "upload"),
        // National portal download links: anyone holding a valid signed link (the portal has no account); a made-up token is 404
        new("GET", "/api/portal-files/{token}", "/api/portal-files/{token}", "anonymous", 200, "portal-link"),
        new("GET", "/api/portal-files/{token}", "/api/portal-files/{token}", "citizen:other", 200, "portal-link"),
        new("GET", "/api/portal-files/{token}", "/api/portal-files/CfDJ8-khong-phai-lien-ket", "anonymous", 404),

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
        new("GET", "/api/admin/audit", "/api/admin/audit", "admin", 200),
        new("GET", "/api/admin/audit", "/api/admin/audit", "leader:own", 403),
        new("GET", "/api/admin/audit", "/api/admin/audit", "anonymous", 401),
        // Account lifecycle (issue 15), on accounts no caller of the matrix signs in with
        new("POST", "/api/admin/users/{userName}/disable", "/api/admin/users/chuyenvien.tinh/disable", "admin", 200),
        new("POST", "/api/admin/users/{userName}/disable", "/api/admin/users/chuyenvien.tinh/disable", "leader:own", 403),
        new("POST", "/api/admin/users/{userName}/disable", "/api/admin/users/chuyenvien.tinh/disable", "citizen:owner", 403),
        new("POST", "/api/admin/users/{userName}/disable", "/api/admin/users/chuyenvien.tinh/disable", "anonymous", 401),
        new("POST", "/api/admin/users/{userName}/enable", "/api/admin/users/chuyenvien.tinh/enable", "admin", 200),
        new("POST", "/api/admin/users/{userName}/enable", "/api/admin/users/chuyenvien.tinh/enable", "reception:own", 403),
        new("POST", "/api/admin/users/{userName}/enable", "/api/admin/users/chuyenvien.tinh/enable", "anonymous", 401),
        new("POST", "/api/admin/users/{userName}/reset-password", "/api/admin/users/lanhdao.tinh/reset-password", "admin", 200),
        new("POST", "/api/admin/users/{userName}/reset-password", "/api/admin/users/lanhdao.tinh/reset-password", "leader:own", 403),
        new("POST", "/api/admin/users/{userName}/reset-password", "/api/admin/users/lanhdao.tinh/reset-password", "specialist:own", 403),
        new("POST", "/api/admin/users/{userName}/reset-password", "/api/admin/users/lanhdao.tinh/reset-password", "anonymous", 401),
        // One's own password: every signed-in account may try (a wrong current password is then a 422), nobody else
        new("POST", "/api/me/password", "/api/me/password", "reception:own", 422, Body: "password-wrong"),
        new("POST", "/api/me/password", "/api/me/password", "citizen:owner", 422, Body: "password-wrong"),
        new("POST", "/api/me/password", "/api/me/password", "admin", 422, Body: "password-wrong"),
        new("POST", "/api/me/password", "/api/me/password", "anonymous", 401, Body: "password-wrong"),
        // National portal sync: the outbox view and the retry of a dead letter (an unknown id answers 404 once authorized)
        new("GET", "/api/admin/sync/", "/api/admin/sync", "admin", 200),
        new("GET", "/api/admin/sync/", "/api/admin/sync", "leader:own", 403),
        new("GET", "/api/admin/sync/", "/api/admin/sync", "anonymous", 401),
        new("POST", "/api/admin/sync/{id}/retry", "/api/admin/sync/987654321/retry", "admin", 404),
        new("POST", "/api/admin/sync/{id}/retry", "/api/admin/sync/987654321/retry", "reception:own", 403),
        new("POST", "/api/admin/sync/{id}/retry", "/api/admin/sync/987654321/retry", "anonymous", 401),

        // National services (issue 17). VNeID sign-in is for anyone: the login redirects to the provider (the matrix's
        // client follows it to VNeID's sign-in page, 200); the callback without code and state is refused by the handler.
        new("GET", "/api/auth/vneid/login", "/api/auth/vneid/login?returnUrl=/", "anonymous", 200),
        new("GET", "/api/auth/vneid/callback", "/api/auth/vneid/callback", "anonymous", 400),
        // Look-ups: officers at a unit, with a purpose; never citizens, never admins.
        new("GET", "/api/lookups/citizens/{idNumber}", "/api/lookups/citizens/060095000123?purpose=tiep-nhan-ho-so", "reception:own", 200),
        new("GET", "/api/lookups/citizens/{idNumber}", "/api/lookups/citizens/060095000123?purpose=tiep-nhan-ho-so", "specialist:own", 200),
        new("GET", "/api/lookups/citizens/{idNumber}", "/api/lookups/citizens/060095000123?purpose=tiep-nhan-ho-so", "admin", 403),
        new("GET", "/api/lookups/citizens/{idNumber}", "/api/lookups/citizens/060095000123?purpose=tiep-nhan-ho-so", "citizen:owner", 403),
        new("GET", "/api/lookups/citizens/{idNumber}", "/api/lookups/citizens/060095000123?purpose=tiep-nhan-ho-so", "anonymous", 401),
        new("GET", "/api/lookups/businesses/{taxCode}", "/api/lookups/businesses/0100109106?purpose=tiep-nhan-ho-so", "reception:other", 200),
        new("GET", "/api/lookups/businesses/{taxCode}", "/api/lookups/businesses/0100109106?purpose=tiep-nhan-ho-so", "citizen:owner", 403),
        new("GET", "/api/lookups/businesses/{taxCode}", "/api/lookups/businesses/0100109106?purpose=tiep-nhan-ho-so", "anonymous", 401),
        new("GET", "/api/admin/lookups", "/api/admin/lookups", "admin", 200),
        new("GET", "/api/admin/lookups", "/api/admin/lookups", "leader:own", 403),
        new("GET", "/api/admin/lookups", "/api/admin/lookups", "anonymous", 401),
        // Online payment: officers and the owner read it; the platform's callback is anonymous but must be signed.
        new("GET", Dossier + "/payment", Dossier + "/payment", "citizen:owner", 200, "awaiting-payment"),
        new("GET", Dossier + "/payment", Dossier + "/payment", "reception:own", 200, "awaiting-payment"),
        new("GET", Dossier + "/payment", Dossier + "/payment", "admin", 200, "awaiting-payment"),
        new("GET", Dossier + "/payment", Dossier + "/payment", "citizen:other", 404, "awaiting-payment"),
        new("GET", Dossier + "/payment", Dossier + "/payment", "reception:other", 404, "awaiting-payment"),
        new("GET", Dossier + "/payment", Dossier + "/payment", "anonymous", 401, "awaiting-payment"),
        new("POST", "/api/payments/callback", "/api/payments/callback", "anonymous", 401, Body: "payment-notice"),
        new("POST", "/api/payments/callback", "/api/payments/callback", "admin", 401, Body: "payment-notice"),
    ];
}
