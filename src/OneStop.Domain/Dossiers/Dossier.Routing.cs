using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Dossiers;

/// <summary>What a submission may say about where the dossier is decided and where its result goes (DESIGN §3, §10).</summary>
public sealed record SubmissionRouting(string? CompetentUnitCode = null, string? ReturnAt = null);

/// <summary>Where a new dossier is decided and returned, as <see cref="Routing.Decide"/> settled it.</summary>
internal sealed record Placement(string? CompetentUnitCode, string? ReturnAt);

/// <summary>
/// Which unit decides a new dossier (DESIGN §3). An ordinary procedure is received by a unit of its own level,
/// which decides it. An any-point procedure (Decree 118/2025/NĐ-CP art. 11: the one-stop counters of a province
/// receive without regard to the administrative boundary) may be received at any unit of the province; it is then
/// decided by the unit the submission names (<c>competentUnitCode</c>) or, failing that, by the unit of the
/// procedure's level over the applicant's commune (or over the receiving unit).
/// </summary>
internal static class Routing
{
    public static Placement Decide(DossierContext context, UnitInfo receiving, Applicant applicant, SubmissionRouting routing)
    {
        var definition = context.Definition;
        var units = context.Units;
        var returnAt = string.IsNullOrWhiteSpace(routing.ReturnAt) ? null : routing.ReturnAt.Trim();
        if (returnAt is not null && !ReturnPoints.All.Contains(returnAt))
            throw Invalid($"Nơi nhận kết quả (returnAt) '{returnAt}' không hợp lệ; dùng receiving (đơn vị tiếp nhận), competent (cơ quan giải quyết) hoặc post (qua bưu chính).", "returnAt");

        UnitInfo? commune = null;
        if (!string.IsNullOrWhiteSpace(applicant.CommuneCode))
        {
            commune = units.Current(applicant.CommuneCode, context.Today);
            if (commune is null || !commune.IsValidOn(context.Today) || commune.Level != Levels.Commune)
                throw Invalid($"Xã/phường nơi cư trú của người nộp '{applicant.CommuneCode}' không phải một đơn vị cấp xã đang hoạt động.", "applicant.communeCode");
        }

        if (definition.AnyPoint != true)
        {
            if (!string.IsNullOrWhiteSpace(routing.CompetentUnitCode))
                throw Invalid($"Thủ tục '{definition.Name}' không tiếp nhận phi địa giới: đơn vị tiếp nhận là đơn vị giải quyết, không ghi competentUnitCode.", "competentUnitCode");
            if (returnAt == ReturnPoints.Competent)
                throw Invalid("Thủ tục này do chính đơn vị tiếp nhận giải quyết: returnAt chỉ nhận receiving hoặc post.", "returnAt");
            if (!string.Equals(receiving.Level, definition.Level, StringComparison.Ordinal))
                throw Invalid($"Thủ tục '{definition.Name}' được tiếp nhận ở cấp {definition.Level}, đơn vị '{receiving.Code}' thuộc cấp {receiving.Level}.",
                    "receivingUnitCode");
            return new Placement(null, returnAt);
        }

        var province = units.ProvinceOf(receiving.Code, context.Today);
        UnitInfo competent;
        if (!string.IsNullOrWhiteSpace(routing.CompetentUnitCode))
        {
            competent = units.Current(routing.CompetentUnitCode.Trim(), context.Today) is { } named && named.IsValidOn(context.Today)
                ? named
                : throw Invalid($"Cơ quan giải quyết '{routing.CompetentUnitCode}' không tồn tại hoặc đã ngừng hoạt động.", "competentUnitCode");
            if (!string.Equals(competent.Level, definition.Level, StringComparison.Ordinal))
                throw Invalid($"Thủ tục '{definition.Name}' do cơ quan cấp {definition.Level} giải quyết; '{competent.Code}' ({competent.Name}) thuộc cấp {competent.Level}.",
                    "competentUnitCode");
        }
        else
        {
            var from = commune ?? receiving;
            competent = units.SelfAndAncestors(from.Code, context.Today).FirstOrDefault(u => u.Level == definition.Level && u.Kind != UnitKinds.Agency)
                ?? throw Invalid(
                    $"Không xác định được cơ quan giải quyết cấp {definition.Level} từ '{from.Code}': ghi competentUnitCode, hoặc xã/phường nơi cư trú của người nộp (applicant.communeCode).",
                    "competentUnitCode");
        }
        // Any point of the province, not of the country: a counter of another province cannot receive it.
        if (province is null || !string.Equals(units.ProvinceOf(competent.Code, context.Today)?.Code, province.Code, StringComparison.OrdinalIgnoreCase))
            throw Invalid($"Cơ quan giải quyết '{competent.Code}' ({competent.Name}) không cùng tỉnh với đơn vị tiếp nhận '{receiving.Code}' ({receiving.Name}); " +
                "hồ sơ phi địa giới chỉ được tiếp nhận trong phạm vi tỉnh.", "competentUnitCode");
        // Received by the very unit that decides it: an ordinary dossier, no hop.
        return new Placement(string.Equals(competent.Code, receiving.Code, StringComparison.OrdinalIgnoreCase) ? null : competent.Code, returnAt);
    }

    private static DossierRefusedException Invalid(string message, string field) => new(RefusalKind.Invalid, message, field);
}

public sealed partial class Dossier
{
    /// <summary>
    /// Each hop of an any-point dossier between the counter that received it and the unit that decides it (liên
    /// thông) is an event of its own, so the history and the national portal show where the dossier went and why.
    /// </summary>
    private void RecordAnyPointHop(string fromUnit, DossierContext context)
    {
        if (!IsAnyPoint || Same(fromUnit, CurrentUnitCode) || !Same(fromUnit, ReceivingUnitCode) && !Same(CurrentUnitCode, ReceivingUnitCode))
            return;
        var from = context.Units.Find(fromUnit)?.Name ?? fromUnit;
        var to = context.Units.Find(CurrentUnitCode)?.Name ?? CurrentUnitCode;
        var why = Same(fromUnit, ReceivingUnitCode)
            ? "hồ sơ tiếp nhận không phụ thuộc địa giới hành chính được chuyển đến cơ quan có thẩm quyền giải quyết"
            : "kết quả được chuyển về nơi người nộp chọn nhận";
        var entry = new DossierEvent(
            _events.Max(e => e.Sequence) + 1, context.UtcNow, DossierActions.Transfer, context.Actor.UserName, fromUnit,
            Status, Status, CurrentStepId, CurrentStepId, CurrentUnitCode,
            $"Chuyển liên thông từ {from} ({fromUnit}) đến {to} ({CurrentUnitCode}): {why} (Nghị định 118/2025/NĐ-CP).", DueDate, StepDueDate);
        _events.Add(entry);
        Version++;
        Raise(new DossierChanged(this, entry));
        Notify(NotificationKinds.Transferred, $"Hồ sơ {Code} được chuyển liên thông từ {from} đến đơn vị.", CurrentUnitCode, [RoleNames.Reception, RoleNames.Specialist]);
    }
}
