using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers;

/// <summary>The invariants every moving action shares: following a transition, entering a step, the legal clock.</summary>
public sealed partial class Dossier
{
    /// <summary>The step a transition action leads to now, or a refusal naming the steps it may lead to.</summary>
    internal StepModel NextStepOrRefuse(string action, string? requestedTo, DossierContext context)
    {
        var model = context.Model;
        var step = model.Step(CurrentStepId)!;
        var to = string.IsNullOrWhiteSpace(requestedTo) ? null : requestedTo.Trim();
        var scope = Scope(context);
        if (model.Next(step, action, to, scope) is { } transition)
            return model.Step(transition.To)!;
        throw new DossierRefusedException(RefusalKind.Invalid,
            $"Không thể '{action}' tới bước '{to}'. Các bước được phép: {string.Join(", ", model.OpenTargets(step, action, scope))}.", "to");
    }

    /// <summary>Whether the model lets <paramref name="action"/> lead anywhere from the current step for this dossier.</summary>
    internal bool Opens(string action, StepModel step, DossierContext context) =>
        step.HasAction(action) && context.Model.Next(step, action, null, Scope(context)) is not null;

    internal string ResolveUnit(StepModel step, string? toUnit, DossierContext context)
    {
        if (!string.IsNullOrWhiteSpace(toUnit))
        {
            var unit = context.Units.Current(toUnit.Trim(), context.Today)
                ?? throw new DossierRefusedException(RefusalKind.Invalid, $"Đơn vị '{toUnit}' không tồn tại.", "toUnit");
            if (step.Kind == StepKinds.Result && !string.Equals(unit.Code, ReceivingUnitCode, StringComparison.OrdinalIgnoreCase))
                throw new DossierRefusedException(RefusalKind.Invalid, "Kết quả được trả tại đơn vị đã tiếp nhận hồ sơ.", "toUnit");
            return unit.Code;
        }
        return context.Units.ResolveStepUnit(step.Unit, ReceivingUnitCode, context.Today)?.Code
            ?? throw new DossierRefusedException(RefusalKind.Conflict,
                $"Không xác định được đơn vị xử lý bước '{step.Name}' (unit = '{step.Unit}') từ đơn vị '{ReceivingUnitCode}'.");
    }

    /// <summary>
    /// Enters <paramref name="step"/> at <paramref name="unitCode"/>: its due date, and what time and others must do
    /// there — a wait's end, the consultation requests and their due dates, the escalation before and at the due
    /// date — stored as timers with the dossier. Claimed work is released: a new step is new work.
    /// </summary>
    internal void EnterStep(StepModel step, string unitCode, DossierContext context)
    {
        // A dossier received after the cut-off starts its first step when the legal clock starts.
        var start = ClockStartedAt is { } clockStart && clockStart > context.UtcNow ? clockStart : context.UtcNow;
        CurrentStepId = step.Id;
        CurrentUnitCode = unitCode;
        StepStartedAt = start;
        StepEntry++;
        AssigneeUserName = null;
        var minutes = StepMinutes(context.Definition, step.Definition, context.MinutesPerDay);
        StepDueDate = StepDueFrom(step, start, context);

        if (step.Kind == StepKinds.Wait && StepDueDate is { } waitEnds)
            Arm(context, step, TimerKind.WaitElapse, waitEnds);
        if (step.Kind == StepKinds.Consultation)
            OpenConsultations(step, start, context);
        if (step.EscalateBefore is { } before && StepDueDate is { } due)
        {
            var lead = before.ToWorkingMinutes(context.MinutesPerDay);
            Arm(context, step, TimerKind.EscalateBefore, Utc(context.Deadlines.AddWorkingMinutes(Offset(start), Math.Max(0, minutes - lead))));
            Arm(context, step, TimerKind.EscalateDue, due);
        }
    }

    private void OpenConsultations(StepModel step, DateTime start, DossierContext context)
    {
        foreach (var consult in step.Consults)
        {
            var unit = context.Units.Current(consult.Unit, context.Today)?.Code ?? consult.Unit;
            var due = Utc(context.Deadlines.AddWorkingMinutes(Offset(start), consult.Duration?.ToWorkingMinutes(context.MinutesPerDay) ?? 0));
            AddConsultation(new DossierConsultation(Guid.CreateVersion7(context.UtcNow), step.Id, StepEntry, unit, consult.Role, context.UtcNow, due));
            Arm(context, step, TimerKind.ConsultationTimeout, due, unit);
            Notify(NotificationKinds.ConsultationRequested,
                $"Hồ sơ {Code}: {context.Units.Find(CurrentUnitCode)?.Name ?? CurrentUnitCode} xin ý kiến đơn vị, hạn trả lời {Calendar.VietnamDates.Format(due)}.",
                unit, [consult.Role]);
        }
    }

    /// <summary>Working minutes each step (but reception) gets: its own duration, or an equal share of what is left.</summary>
    internal static int StepMinutes(WorkflowDefinition definition, StepDefinition step, int minutesPerDay)
    {
        if (step.Duration is not null)
            return step.Duration.ToWorkingMinutes(minutesPerDay);
        var processing = definition.Steps.Where(s => s.Kind != StepKinds.Reception).ToList();
        var total = definition.ProcessingTime?.ToWorkingMinutes(minutesPerDay) ?? 0;
        var allotted = processing.Where(s => s.Duration is not null).Sum(s => s.Duration!.ToWorkingMinutes(minutesPerDay));
        var sharing = processing.Count(s => s.Duration is null);
        return sharing == 0 ? 0 : Math.Max(0, (total - allotted) / sharing);
    }

    internal DateTime? StepDueFrom(StepModel step, DateTime start, DossierContext context)
    {
        var minutes = StepMinutes(context.Definition, step.Definition, context.MinutesPerDay);
        return minutes == 0 ? DueDate : Utc(context.Deadlines.AddWorkingMinutes(Offset(start), minutes));
    }

    internal void StartClock(DossierContext context)
    {
        ReceivedAt = context.UtcNow;
        ClockStartedAt = Utc(context.Deadlines.ClockStart(context.Now));
        DueDate = DueFrom(context, ClockStartedAt.Value);
        OriginalDueDate = DueDate;
    }

    internal void Pause(PauseReason reason, bool restartsClock, DossierStatus waiting, DossierContext context)
    {
        _pauses.Add(new ClockPause(reason, context.UtcNow, restartsClock));
        ResumeStatus = Status;
        Status = waiting;
    }

    /// <summary>Ends the running pause: the due dates — the legal one too — move by the office time it lasted, or restart.</summary>
    internal void EndPause(DossierContext context)
    {
        var pause = OpenPause!;
        var minutes = context.Deadlines.WorkingMinutesBetween(Offset(pause.StartedAt), context.Now);
        pause.End(context.UtcNow, minutes);
        if (pause.RestartsClock)
        {
            ClockStartedAt = Utc(context.Deadlines.ClockStart(context.Now));
            DueDate = DueFrom(context, ClockStartedAt.Value);
            OriginalDueDate = DueDate;
            var step = context.Model.Step(CurrentStepId)!;
            StepStartedAt = ClockStartedAt;
            StepDueDate = StepDueFrom(step, ClockStartedAt.Value, context);
            return;
        }
        DueDate = ShiftBy(DueDate, minutes, context);
        StepDueDate = ShiftBy(StepDueDate, minutes, context);
        // The applicant's time is not the unit's: the legal due date moves too, an apology's date does not stand in for it.
        OriginalDueDate = ShiftBy(OriginalDueDate, minutes, context);
    }

    internal void Close(DossierStatus status, DossierContext context)
    {
        if (OpenPause is not null)
            EndPause(context);
        ClosedAt = context.UtcNow;
        Status = status;
        ResumeStatus = null;
    }

    /// <summary>A pause that cost no office time (over lunch, say) must not move a promised date at all.</summary>
    private static DateTime? ShiftBy(DateTime? due, int minutes, DossierContext context) =>
        due is null || minutes == 0 ? due : Utc(context.Deadlines.AddWorkingMinutes(Offset(due.Value), minutes));

    internal static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    internal static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static DateTime DueFrom(DossierContext context, DateTime clockStart) =>
        Utc(context.Deadlines.AddWorkingMinutes(Offset(clockStart),
            context.Definition.ProcessingTime?.ToWorkingMinutes(context.MinutesPerDay) ?? 0));
}
