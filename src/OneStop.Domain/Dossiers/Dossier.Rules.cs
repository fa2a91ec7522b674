using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers;

/// <summary>Who may take which action when: role, unit, status, step and definition (DESIGN §2, §5).</summary>
public sealed partial class Dossier
{
    private static readonly DossierStatus[] Processing = [DossierStatus.Received, DossierStatus.InProgress];

    /// <summary>The actions <paramref name="context"/>'s actor may take now, for <c>availableActions</c>.</summary>
    public IReadOnlyList<string> AvailableActions(DossierContext context) =>
        DossierActions.All.Where(action => Check(action, context) is null).ToList();

    /// <summary>Null when the action is allowed now; otherwise why not. Request details are checked later.</summary>
    public DossierRefusedException? Check(string action, DossierContext context)
    {
        var actor = context.Actor;
        var step = context.Definition.FindStep(CurrentStepId);
        if (step is null)
            return Conflict($"Bước '{CurrentStepId}' không còn trong định nghĩa phiên bản {DefinitionVersion}.");

        return action switch
        {
            DossierActions.Receive or DossierActions.Refuse =>
                Status != DossierStatus.Submitted ? WrongStatus(action)
                : !actor.IsOfficerAt(Actor.ReceptionRole, CurrentUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
                : null,

            DossierActions.RequestSupplement => CheckRequestSupplement(step, actor),

            DossierActions.Supplement =>
                Status != DossierStatus.SupplementRequested ? WrongStatus(action)
                : !IsOwner(actor) && !actor.IsOfficerAt(Actor.ReceptionRole, ReceivingUnitCode) ? NotYours("người nộp hồ sơ hoặc cán bộ một cửa")
                : null,

            DossierActions.Forward or DossierActions.Return or DossierActions.Approve =>
                !Processing.Contains(Status) ? WrongStatus(action)
                : !actor.IsOfficerAt(step.Role, CurrentUnitCode) ? NotYours(RoleName(step.Role) + " của đơn vị đang xử lý")
                : context.Engine.OpenTransitions(step.Id, action, Facts).Count == 0 ? NotAtThisStep(action, step)
                : null,

            DossierActions.RequestPayment =>
                !Processing.Contains(Status) ? WrongStatus(action)
                : step.Kind != StepKinds.Payment ? NotAtThisStep(action, step)
                : !actor.IsOfficerAt(step.Role, CurrentUnitCode) ? NotYours(RoleName(step.Role) + " của đơn vị đang xử lý")
                : null,

            DossierActions.ConfirmPayment =>
                Status is not (DossierStatus.AwaitingPayment or DossierStatus.Received or DossierStatus.InProgress) ? WrongStatus(action)
                : step.Kind != StepKinds.Payment || context.Engine.OpenTransitions(step.Id, action, Facts).Count == 0 ? NotAtThisStep(action, step)
                : !actor.IsOfficerAt(step.Role, CurrentUnitCode) ? NotYours(RoleName(step.Role) + " của đơn vị đang xử lý")
                : null,

            DossierActions.Apologize =>
                !Processing.Contains(Status) ? WrongStatus(action)
                : DueDateReset ? Conflict("Hồ sơ đã được hẹn lại ngày trả một lần; không được hẹn lại lần nữa.")
                : DueDate is { } due && context.UtcNow > due ? Conflict("Đã quá hạn giải quyết: phiếu xin lỗi phải được ban hành trước ngày hẹn trả.")
                : !IsUnitOfficer(actor, Actor.LeaderRole) && !IsUnitOfficer(actor, Actor.ReceptionRole) ? NotYours("lãnh đạo hoặc cán bộ một cửa của đơn vị")
                : null,

            DossierActions.Withdraw =>
                !Status.IsOpen() || Status is DossierStatus.WithdrawalRequested or DossierStatus.Resolved ? WrongStatus(action)
                : !IsOwner(actor) && !actor.IsOfficerAt(Actor.ReceptionRole, ReceivingUnitCode) ? NotYours("người nộp hồ sơ hoặc cán bộ một cửa")
                : null,

            DossierActions.Stop => CheckStop(actor),

            DossierActions.Resolve =>
                !Processing.Contains(Status) ? WrongStatus(action)
                : step.Kind != StepKinds.Result ? NotAtThisStep(action, step)
                : !actor.IsOfficerAt(step.Role, CurrentUnitCode) ? NotYours(RoleName(step.Role) + " của đơn vị đang xử lý")
                : null,

            DossierActions.ReturnResult =>
                Status != DossierStatus.Resolved ? WrongStatus(action)
                : !actor.IsOfficerAt(Actor.ReceptionRole, ReceivingUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
                : null,

            _ => new DossierRefusedException(RefusalKind.Invalid,
                $"Thao tác '{action}' không tồn tại. Các thao tác: {string.Join(", ", DossierActions.All)}.", "action"),
        };
    }

    private DossierRefusedException? CheckRequestSupplement(StepDefinition step, Actor actor)
    {
        if (Status == DossierStatus.Submitted)
            return SupplementRequestedBeforeReception ? Conflict("Chỉ yêu cầu bổ sung một lần khi tiếp nhận, và phải nêu đủ mọi giấy tờ còn thiếu.")
                : !actor.IsOfficerAt(Actor.ReceptionRole, CurrentUnitCode) ? NotYours("cán bộ một cửa của đơn vị tiếp nhận")
                : null;
        if (!Processing.Contains(Status))
            return WrongStatus(DossierActions.RequestSupplement);
        if (SupplementRequestedDuringProcessing)
            return Conflict("Trong quá trình giải quyết chỉ được yêu cầu bổ sung hồ sơ một lần.");
        if (step.Kind == StepKinds.Result)
            return NotAtThisStep(DossierActions.RequestSupplement, step);
        // The step's officer, or the counter of the unit holding the dossier (DESIGN §2: reception requests supplements).
        return actor.IsOfficerAt(step.Role, CurrentUnitCode) || actor.IsOfficerAt(Actor.ReceptionRole, CurrentUnitCode)
            ? null : NotYours(RoleName(step.Role) + " hoặc cán bộ một cửa của đơn vị đang xử lý");
    }

    private DossierRefusedException? CheckStop(Actor actor)
    {
        if (Status == DossierStatus.WithdrawalRequested)
            return IsUnitOfficer(actor, Actor.LeaderRole) || IsUnitOfficer(actor, Actor.ReceptionRole)
                ? null : NotYours("lãnh đạo hoặc cán bộ một cửa của đơn vị");
        // Outside a withdrawal only a leader may stop processing, on legal grounds given in the comment.
        if (Status is DossierStatus.Received or DossierStatus.InProgress or DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment)
            return actor.IsOfficerAt(Actor.LeaderRole, CurrentUnitCode) ? null : NotYours("lãnh đạo của đơn vị đang xử lý");
        return WrongStatus(DossierActions.Stop);
    }

    /// <summary>The applicant's own account: the citizen who submitted, or the person the dossier is for.</summary>
    public bool IsOwner(Actor actor) =>
        actor.Has(Actor.CitizenRole) &&
        (OwnerUserName is not null && OwnerUserName == actor.UserName ||
         actor.PersonalId is not null && actor.PersonalId == Applicant.IdNumber);

    private bool IsUnitOfficer(Actor actor, string role) =>
        actor.IsOfficerAt(role, CurrentUnitCode) || actor.IsOfficerAt(role, ReceivingUnitCode);

    private static string RoleName(string role) => role switch
    {
        Actor.ReceptionRole => "cán bộ một cửa",
        Actor.SpecialistRole => "chuyên viên",
        Actor.LeaderRole => "lãnh đạo",
        _ => role,
    };

    private static DossierRefusedException Conflict(string message) => new(RefusalKind.Conflict, message);

    private DossierRefusedException WrongStatus(string action) =>
        Conflict($"Không thể '{action}' khi hồ sơ đang ở trạng thái {Status}.");

    private static DossierRefusedException NotAtThisStep(string action, StepDefinition step) =>
        Conflict($"Bước '{step.Name}' ({step.Id}) không cho phép thao tác '{action}'.");

    private static DossierRefusedException NotYours(string who) =>
        new(RefusalKind.Forbidden, $"Chỉ {who} được thực hiện thao tác này.");
}
