using System.Text.Json.Nodes;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// The <c>CapNhatTienDoHoSoMC</c> entry of one processing step (the last event of the snapshot), with the
/// fields of both public clients (OpenCPS <c>createSyncDossierStatusBodyRequest</c>; the Thanh Hóa
/// <c>QuaTrinhXuLyDongBoDVC</c>): who, title, when, department, what, status, when the step began and was due.
/// The person, title, department and wording come at delivery from the accounts, units and the pinned
/// definition (<see cref="DvcqgCompletion"/>); here they are references.
/// </summary>
public static class DvcqgProgressEntry
{
    public static JsonObject Build(DvcqgSnapshot snapshot)
    {
        var history = snapshot.History;
        var step = snapshot.Current;
        var before = history.Count > 1 ? history[^2] : null;
        return new JsonObject
        {
            ["MaHoSo"] = snapshot.Code,
            ["NguoiXuLy"] = "",
            ["ChucDanh"] = "",
            ["ThoiDiemXuLy"] = DvcqgPayload.Format(step.At),
            ["PhongBanXuLy"] = "",
            ["NoiDungXuLy"] = "",
            ["TrangThai"] = DvcqgPayload.Code((int)step.ToStatus),
            ["NgayBatDau"] = DvcqgPayload.Format(StepStarted(history)),
            // The due date of the step just done: what the event before it set.
            ["NgayKetThucTheoQuyDinh"] = DvcqgPayload.Format(before?.StepDueDate),
            [DvcqgDossierBody.References] = new JsonObject
            {
                ["actor"] = step.Actor,
                ["unit"] = step.UnitCode,
                ["action"] = step.Action,
                ["fromStep"] = step.FromStep,
                ["toStep"] = step.ToStep,
                ["comment"] = step.Comment,
            },
        };
    }

    /// <summary>
    /// When the dossier entered the step this event finished: the last earlier event that moved into it (or the
    /// submission, which starts the reception step). Events that stay on a step (a supplement round) do not restart it.
    /// </summary>
    private static DateTime? StepStarted(IReadOnlyList<DvcqgEvent> history)
    {
        var done = history[^1].FromStep;
        for (var i = history.Count - 2; i >= 0; i--)
            if (history[i].ToStep == done && (i == 0 || history[i].FromStep != history[i].ToStep))
                return history[i].At;
        return null;
    }
}
