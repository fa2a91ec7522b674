using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>apologize</c> (văn bản xin lỗi và hẹn lại ngày trả, DESIGN §6): a leader or the counter of the unit sets a new
/// working-day due date, once, at the latest on the working day before the due date (Decree 61/2018/NĐ-CP art. 19,
/// as amended: "chậm nhất 01 ngày trước ngày hết hạn"). The current step's due date moves with it; the date the law
/// gave stays as <see cref="Dossier.OriginalDueDate"/>, so the dossier still counts late if resolved after it.
/// </summary>
public sealed class Apologize : DossierAction
{
    public override string Name => DossierActions.Apologize;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !IsProcessing(dossier) ? WrongStatus(dossier)
        : dossier.DueDateReset ? Conflict("Hồ sơ đã được hẹn lại ngày trả một lần; không được hẹn lại lần nữa.")
        : TooLate(dossier, context) is { } late ? late
        : !IsUnitOfficer(dossier, context.Actor, RoleNames.Leader) && !IsUnitOfficer(dossier, context.Actor, RoleNames.Reception)
            ? NotYours("lãnh đạo hoặc cán bộ một cửa của đơn vị")
        : null;

    /// <summary>The last day an apology may be issued is the working day before the day the dossier falls due.</summary>
    private static DossierRefusedException? TooLate(Dossier dossier, DossierContext context)
    {
        if (dossier.DueDate is not { } due)
            return null;
        var dueDay = DeadlineCalculator.DateOf(Dossier.Offset(due));
        var lastDay = context.Deadlines.Calendar.PreviousWorkingDay(dueDay);
        if (context.Today <= lastDay)
            return null;
        var message = context.UtcNow > due
            ? $"Đã quá hạn giải quyết ({VietnamDates.Format(due)}): văn bản xin lỗi phải ban hành chậm nhất 01 ngày làm việc trước ngày hết hạn."
            : $"Hạn giải quyết là {VietnamDates.Format(due)}: văn bản xin lỗi và hẹn lại ngày trả phải ban hành chậm nhất ngày {lastDay.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} " +
              "(01 ngày làm việc trước ngày hết hạn), không phải trong ngày cuối.";
        return new DossierRefusedException(RefusalKind.Conflict, message, "dueDate");
    }

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        RequireComment(request.Comment, "Phải nêu lý do chậm trễ trong văn bản xin lỗi.");
        if (request.NewDueDate is not { } newDue)
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải ghi ngày hẹn trả mới (newDueDate).", "newDueDate");
        if (newDue.UtcDateTime <= dossier.DueDate)
            throw new DossierRefusedException(RefusalKind.Invalid, "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.", "newDueDate");
        if (!context.Deadlines.Calendar.IsWorkingDay(DeadlineCalculator.DateOf(newDue)))
            throw new DossierRefusedException(RefusalKind.Invalid, "Ngày hẹn trả mới phải là ngày làm việc.", "newDueDate");
        var oldDue = dossier.DueDate;
        // The step's work moves by as much office time as the promise does.
        var moved = oldDue is { } was ? context.Deadlines.WorkingMinutesBetween(Dossier.Offset(was), newDue) : 0;
        dossier.DueDate = newDue.UtcDateTime;
        dossier.DueDateReset = true;
        if (dossier.StepDueDate is { } stepDue && moved > 0)
            dossier.MoveStepDue(Dossier.Utc(context.Deadlines.AddWorkingMinutes(Dossier.Offset(stepDue), moved)), context);
        return new Recorded(Details: System.Text.Json.JsonSerializer.Serialize(new { previousDueDate = oldDue, newDueDate = dossier.DueDate }));
    }
}
