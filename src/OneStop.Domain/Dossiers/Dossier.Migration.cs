using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers;

/// <summary>
/// Moving a running dossier to another version of its procedure (DESIGN §4.3), the way Camunda migrates a process
/// instance: the current step is mapped to a step of the target version; status, unit, due dates, pauses and history
/// stay. What is in flight at the step — a consultation's opinion requests, a wait's end, an escalation — moves with
/// it to the new step, or the dossier stays where it is and says why. Nothing is dropped.
/// </summary>
public sealed partial class Dossier
{
    /// <summary>
    /// Why this dossier cannot move to <paramref name="target"/> at step <paramref name="newStepId"/>, or null when it
    /// can. The step map itself (steps exist, kinds fit) is checked once for the whole migration, not here.
    /// </summary>
    public string? WhyNotMigratable(ProcedureModel target, string newStepId)
    {
        if (!Status.IsOpen())
            return $"Hồ sơ đã kết thúc ({Status}).";
        if (target.Step(newStepId) is not { } step)
            return $"Bước '{newStepId}' không có trong phiên bản {target.Version}.";
        var waitingFor = OpenRound.Where(c => !c.IsAnswered).Select(c => c.UnitCode).ToList();
        if (waitingFor.Count > 0)
        {
            var consulted = step.Consults.Select(c => c.Unit).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var dropped = waitingFor.Where(u => !consulted.Contains(u)).ToList();
            if (step.Kind != StepKinds.Consultation || dropped.Count > 0)
                return $"Đang chờ ý kiến của {string.Join(", ", dropped.Count > 0 ? dropped : waitingFor)}; bước '{step.Id}' của phiên bản {target.Version} " +
                    "không lấy ý kiến đơn vị đó, nên chuyển sẽ làm mất yêu cầu đang chờ.";
        }
        if (_timers.Any(t => t.DoneAt is null && t.Kind == TimerKind.WaitElapse && t.StepEntry == StepEntry && t.StepId == CurrentStepId)
            && step.Kind != StepKinds.Wait)
            return $"Đang ở thời gian chờ tới {Calendar.VietnamDates.Format(StepDueDate ?? DateTime.MinValue)}; bước '{step.Id}' không phải bước chờ, nên chuyển sẽ bỏ mất lần kết thúc chờ.";
        return null;
    }

    /// <summary>
    /// Moves the dossier to <paramref name="context"/>'s version (its model is the target), at <paramref name="newStepId"/>,
    /// as <see cref="Actor.System"/>, recording one <c>migrate</c> event. Due dates are kept; the open consultation
    /// round, the wait's end and the escalations of the current step entry follow it to the new step.
    /// </summary>
    public void Migrate(string newStepId, DossierContext context)
    {
        var target = context.Model;
        if (target.Id != ProcedureId)
            throw new DossierRefusedException(RefusalKind.Invalid, $"Phiên bản đích thuộc thủ tục '{target.Id}', không phải '{ProcedureId}'.", "toVersion");
        if (WhyNotMigratable(target, newStepId) is { } why)
            throw new DossierRefusedException(RefusalKind.Conflict, why);
        context = context.As(Actor.System);
        var fromStatus = Status;
        var fromStep = CurrentStepId;
        var fromVersion = DefinitionVersion;
        foreach (var consultation in OpenRound)
            consultation.MoveToStep(newStepId);
        foreach (var timer in _timers.Where(t => t.DoneAt is null && t.StepEntry == StepEntry && t.StepId == fromStep))
            timer.MoveToStep(newStepId);
        DefinitionVersion = target.Version;
        CurrentStepId = newStepId;
        if (!target.Step(newStepId)!.Claimable)
            AssigneeUserName = null;
        Record(context, DossierActions.Migrate, fromStatus, fromStep,
            $"Chuyển sang phiên bản {target.Version} của quy trình (từ phiên bản {fromVersion}): bước '{fromStep}' → '{newStepId}'; giữ nguyên hạn giải quyết.");
    }
}
