using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers.Actions;

namespace OneStop.Domain.Dossiers;

public enum TimerOutcome
{
    /// <summary>Not due yet, or due while the dossier waits for the applicant: ask again later.</summary>
    NotYet,
    /// <summary>The timer did its work, or found nothing left to do; it is done.</summary>
    Done,
}

/// <summary>What happens when a stored timer comes due (DESIGN §4.1): the model is asked again, as <c>system</c>.</summary>
public sealed partial class Dossier
{
    /// <summary>
    /// Fires timer <paramref name="timerId"/> at <paramref name="context"/>'s time, acting as <see cref="Actor.System"/>.
    /// A timer of an earlier step entry, or of a closed dossier, is simply done: firing late or twice does nothing.
    /// </summary>
    public TimerOutcome FireTimer(Guid timerId, DossierContext context)
    {
        context = context.As(Actor.System);
        var timer = _timers.FirstOrDefault(t => t.Id == timerId);
        if (timer is null || timer.DoneAt is not null)
            return TimerOutcome.Done;
        if (timer.DueAt > context.UtcNow)
            return TimerOutcome.NotYet;
        if (timer.StepEntry != StepEntry || timer.StepId != CurrentStepId || !Status.IsOpen() || context.Model.Step(CurrentStepId) is not { } step)
            return Finish(timer, context);
        // Waiting for the applicant or for the fee: the timer's work waits too.
        if (Status is DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment or DossierStatus.WithdrawalRequested)
            return TimerOutcome.NotYet;

        switch (timer.Kind)
        {
            case TimerKind.WaitElapse:
                if (Check(DossierActions.Elapse, context) is null)
                    Act(DossierActions.Elapse, new ActionRequest(), context);
                break;
            case TimerKind.ConsultationTimeout when OpenRound.FirstOrDefault(c => c.UnitCode == timer.Target && !c.IsAnswered) is { } open:
                if (step.DeemAgreedOnTimeout)
                    Act(DossierActions.AnswerConsultation, new ActionRequest(
                        Comment: $"Quá thời hạn trả lời ({Calendar.VietnamDates.Format(open.DueAt)}): coi như đồng ý.",
                        Answer: ConsultationAnswers.Agree, UnitCode: open.UnitCode), context);
                else
                    Notify(NotificationKinds.Escalated,
                        $"Hồ sơ {Code}: {open.UnitCode} chưa trả lời ý kiến, đã quá hạn {Calendar.VietnamDates.Format(open.DueAt)}.",
                        CurrentUnitCode, [RoleNames.Leader]);
                break;
            case TimerKind.EscalateBefore:
                Notify(NotificationKinds.DueSoon,
                    $"Hồ sơ {Code}: bước {step.Name} sắp đến hạn ({Calendar.VietnamDates.Format(StepDueDate ?? timer.DueAt)}).",
                    CurrentUnitCode, step.EscalateNotify);
                break;
            case TimerKind.EscalateDue:
                Notify(NotificationKinds.Escalated,
                    $"Hồ sơ {Code}: bước {step.Name} đã đến hạn ({Calendar.VietnamDates.Format(StepDueDate ?? timer.DueAt)}) mà chưa xong.",
                    CurrentUnitCode, [RoleNames.Leader]);
                break;
        }
        return Finish(timer, context);
    }

    /// <summary>Timers whose time has come and that are not done, for the sweeper and the start-up pass.</summary>
    public IEnumerable<DossierTimer> DueTimers(DateTime utcNow) => _timers.Where(t => t.DoneAt is null && t.DueAt <= utcNow);

    private TimerOutcome Finish(DossierTimer timer, DossierContext context)
    {
        timer.Done(context.UtcNow);
        // Two nodes firing the same timer: the version makes the second one's save fail, and on retry it finds the timer done.
        Version++;
        return TimerOutcome.Done;
    }
}
