using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Documents;

/// <summary>
/// When an officer may read a person's data repository (issue 15): only for work in front of them. Either an open
/// dossier of that person at the officer's unit (its current or receiving unit) — named with <c>?dossier=</c>, or
/// found when none is named — or, at a reception desk, the applicant about to file (<c>?purpose=</c>, the reason in
/// words). Administrators and citizens never read someone else's repository here. Every read is audited with the
/// dossier or the purpose that justified it.
/// </summary>
public static class RepositoryAccess
{
    public sealed record Grant(string? DossierCode, string? Purpose);

    public static async Task<(Grant? Grant, ProblemHttpResult? Problem)> CheckAsync(
        OneStopDbContext db, Actor actor, string ownerId, string? dossierCode, string? purpose, CancellationToken ct)
    {
        if (!actor.IsOfficer || actor.UnitCode is not { } unit)
            return (null, Problems.Of(StatusCodes.Status403Forbidden, "Không có quyền",
                "Chỉ cán bộ đang giải quyết hồ sơ của người này tại đơn vị mình mới xem được kho dữ liệu của họ."));

        if (!string.IsNullOrWhiteSpace(dossierCode))
        {
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == dossierCode.Trim())
                .Select(d => new { d.Code, d.Applicant.IdNumber, d.CurrentUnitCode, d.ReceivingUnitCode, d.Status }).FirstOrDefaultAsync(ct);
            // Another unit's dossier answers like a missing one, as it does everywhere else.
            if (dossier is null || !Same(unit, dossier.CurrentUnitCode) && !Same(unit, dossier.ReceivingUnitCode))
                return (null, Problems.NotFound($"Không tìm thấy hồ sơ '{dossierCode}' tại đơn vị của bạn."));
            if (dossier.IdNumber != ownerId)
                return (null, Problems.Unprocessable($"Hồ sơ {dossier.Code} không phải của người có mã định danh {ownerId}.", "dossier"));
            if (!dossier.Status.IsOpen())
                return (null, Problems.Unprocessable($"Hồ sơ {dossier.Code} đã kết thúc ({dossier.Status}); không còn lý do xem kho dữ liệu.", "dossier"));
            return (new Grant(dossier.Code, null), null);
        }

        if (!string.IsNullOrWhiteSpace(purpose))
        {
            if (!actor.Has(RoleNames.Reception))
                return (null, Problems.Of(StatusCodes.Status403Forbidden, "Không có quyền",
                    "Chỉ cán bộ một cửa xem kho dữ liệu của người đang nộp hồ sơ (purpose); cán bộ khác cần hồ sơ tại đơn vị mình (dossier)."));
            if (purpose.Length > StoredLengths.AuditDetail)
                return (null, Problems.Unprocessable($"Mục đích (purpose) dài tối đa {StoredLengths.AuditDetail} ký tự.", "purpose"));
            return (new Grant(null, purpose.Trim()), null);
        }

        var open = await db.Dossiers.AsNoTracking()
            .Where(d => d.Applicant.IdNumber == ownerId && (d.CurrentUnitCode == unit || d.ReceivingUnitCode == unit)
                && d.Status != DossierStatus.NotAccepted && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.Returned)
            .OrderByDescending(d => d.SubmittedAt).Select(d => d.Code).FirstOrDefaultAsync(ct);
        return open is not null
            ? (new Grant(open, null), null)
            : (null, Problems.Of(StatusCodes.Status403Forbidden, "Không có quyền",
                "Đơn vị của bạn không có hồ sơ đang giải quyết của người này. Nêu hồ sơ (?dossier=mã hồ sơ) hoặc, ở bộ phận một cửa, " +
                "mục đích tra cứu cho người đang nộp hồ sơ (?purpose=...); mọi lần xem đều được ghi nhật ký."));
    }

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
