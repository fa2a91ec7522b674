namespace OneStop.Domain.Dossiers;

public sealed partial class Dossier
{
    /// <summary>
    /// Moves an open dossier from a unit that was merged away or dissolved to its successor (DESIGN §3): the current,
    /// the receiving and the competent unit, wherever they are <paramref name="fromUnit"/>, become
    /// <paramref name="toUnit"/>, and so do opinion requests still waiting for that unit. Status, step and due dates
    /// stay; one <c>transfer</c> event records the move, so the history before it still names the original unit and
    /// the national portal hears of the new one. Claimed work stays with its officer only when
    /// <paramref name="assigneeFollows"/> (the officer moves to the same unit); otherwise it is free to claim again.
    /// </summary>
    public void TransferUnit(string fromUnit, string toUnit, Actor actor, DateTime utcNow, string reason, bool assigneeFollows = true)
    {
        if (!Status.IsOpen())
            throw new DossierRefusedException(RefusalKind.Conflict, $"Hồ sơ '{Code}' đã kết thúc ({Status}); không chuyển đơn vị.");
        if (string.IsNullOrWhiteSpace(toUnit) || Same(fromUnit, toUnit))
            throw new DossierRefusedException(RefusalKind.Invalid, "Đơn vị nhận phải khác đơn vị chuyển đi.", "toUnit");
        var moveCurrent = Same(CurrentUnitCode, fromUnit);
        var moveReceiving = Same(ReceivingUnitCode, fromUnit);
        var moveCompetent = Same(CompetentUnitCode, fromUnit);
        var waiting = _consultations.Where(c => !c.IsAnswered && Same(c.UnitCode, fromUnit)).ToList();
        if (!moveCurrent && !moveReceiving && !moveCompetent && waiting.Count == 0)
            throw new DossierRefusedException(RefusalKind.Invalid,
                $"Hồ sơ '{Code}' không ở đơn vị '{fromUnit}' (đang ở '{CurrentUnitCode}', tiếp nhận tại '{ReceivingUnitCode}').", "fromUnit");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải nêu lý do chuyển đơn vị.", "comment");

        if (moveCurrent)
        {
            CurrentUnitCode = toUnit;
            if (!assigneeFollows)
                AssigneeUserName = null;
        }
        if (moveReceiving)
            ReceivingUnitCode = toUnit;
        if (moveCompetent)
            CompetentUnitCode = Same(toUnit, ReceivingUnitCode) ? null : toUnit;
        foreach (var consultation in waiting)
        {
            consultation.Readdress(toUnit);
            foreach (var timer in _timers.Where(t => t.DoneAt is null && t.Kind == TimerKind.ConsultationTimeout && Same(t.Target, fromUnit)))
                timer.Retarget(toUnit);
        }
        // The acting unit of this event is the one the dossier leaves; ToUnitCode is where it now is.
        var entry = new DossierEvent(
            _events.Count == 0 ? 1 : _events.Max(e => e.Sequence) + 1,
            utcNow, DossierActions.Transfer, actor.UserName, fromUnit,
            Status, Status, CurrentStepId, CurrentStepId, CurrentUnitCode,
            $"Chuyển hồ sơ từ đơn vị {fromUnit} sang đơn vị {toUnit}: {reason.Trim()}", DueDate, StepDueDate);
        _events.Add(entry);
        Version++;
        Raise(new DossierChanged(this, entry));
        if (moveCurrent)
            Notify(NotificationKinds.Transferred, $"Hồ sơ {Code} được chuyển đến đơn vị ({reason.Trim()}).", toUnit,
                [RoleNames.Reception, RoleNames.Specialist, RoleNames.Leader]);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
