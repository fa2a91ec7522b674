using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Common;

/// <summary>Adds an <see cref="AuditRecord"/> to the caller's unit of work: it commits with the change it records, or not at all.</summary>
public static class AuditLog
{
    public static void Add(OneStopDbContext db, HttpContext http, DateTime now, string action, string subject,
        string? detail = null, string? dossierCode = null) =>
        db.AuditRecords.Add(new AuditRecord
        {
            At = now,
            Actor = http.User.Identity?.Name ?? "",
            Action = action,
            Subject = subject,
            DossierCode = dossierCode,
            Detail = AuditRecord.Cut(detail),
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        });
}
