using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>apologize</c> (phiếu xin lỗi và hẹn lại ngày trả): a leader or the counter of the unit sets a new working-day
/// due date, once, before the current one has passed (DESIGN §6).
/// </summary>
public sealed class Apologize : DossierAction
{
    public override string Name => DossierActions.Apologize;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !IsProcessing(dossier) ? WrongStatus(dossier)
        : dossier.DueDateReset ? Conflict("Hồ sơ đã được hẹn lại ngày trả một lần; không được hẹn lại lần nữa.")
        : dossier.DueDate is { } due && context.UtcNow > due ? Conflict("Đã quá hạn giải quyết: phiếu xin lỗi phải được ban hành trước ngày hẹn trả.")
        : !IsUnitOfficer(dossier, context.Actor, RoleNames.Leader) && !IsUnitOfficer(dossier, context.Actor, RoleNames.Reception)
            ? NotYours("lãnh đạo hoặc cán bộ một cửa của đơn vị")
        : null;

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        RequireComment(request.Comment, "Phải nêu lý do chậm trễ trong phiếu xin lỗi.");
        if (request.NewDueDate is not { } newDue)
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải ghi ngày hẹn trả mới (newDueDate).", "newDueDate");
        if (newDue.UtcDateTime <= dossier.DueDate)
            throw new DossierRefusedException(RefusalKind.Invalid, "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.", "newDueDate");
        if (!context.Deadlines.Calendar.IsWorkingDay(DateOnly.FromDateTime(newDue.ToOffset(DeadlineCalculator.VietnamOffset).DateTime)))
            throw new DossierRefusedException(RefusalKind.Invalid, "Ngày hẹn trả mới phải là ngày làm việc.", "newDueDate");
        dossier.DueDate = newDue.UtcDateTime;
        dossier.DueDateReset = true;
        return default;
    }
}
