using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers;

/// <summary>What a caller sends with an action (DESIGN §10).</summary>
public sealed record ActionRequest(
    string? Comment = null,
    string? To = null,
    string? ToUnit = null,
    IReadOnlyList<DocumentSubmission>? Documents = null,
    DateTimeOffset? NewDueDate = null);

public sealed partial class Dossier
{
    /// <summary>
    /// Applies <paramref name="action"/>. Every check runs before the first change; a refusal throws
    /// <see cref="DossierRefusedException"/> and leaves the dossier as it was.
    /// </summary>
    public void Act(string action, ActionRequest request, DossierContext context)
    {
        if (Check(action, context) is { } refusal)
            throw refusal;

        var fromStatus = Status;
        var fromStep = CurrentStepId;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        switch (action)
        {
            case DossierActions.Receive: Receive(request, context); break;
            case DossierActions.Refuse:
                RequireComment(comment, "Phải nêu rõ lý do từ chối tiếp nhận.");
                Close(DossierStatus.NotAccepted, context);
                break;
            case DossierActions.RequestSupplement:
                RequireComment(comment, "Phải liệt kê đầy đủ giấy tờ cần bổ sung.");
                RequestSupplement(context);
                break;
            case DossierActions.Supplement: Supplement(request, context); break;
            case DossierActions.Forward or DossierActions.Return or DossierActions.Approve: Move(action, request, context); break;
            case DossierActions.RequestPayment: Pause(PauseReason.Payment, restartsClock: false, DossierStatus.AwaitingPayment, context); break;
            case DossierActions.ConfirmPayment: ConfirmPayment(request, context); break;
            case DossierActions.Apologize:
                RequireComment(comment, "Phải nêu lý do chậm trễ trong phiếu xin lỗi.");
                Apologize(request, context);
                break;
            case DossierActions.Withdraw: Withdraw(); break;
            case DossierActions.Stop: Stop(comment, context); break;
            case DossierActions.Resolve: Resolve(context); break;
            case DossierActions.ReturnResult: ReturnedAt = context.UtcNow; Status = DossierStatus.Returned; break;
        }
        Record(context, action, fromStatus, fromStep, comment);
    }

    private static void RequireComment(string? comment, string message)
    {
        if (comment is null)
            throw new DossierRefusedException(RefusalKind.Invalid, message, "comment");
    }

    private void Receive(ActionRequest request, DossierContext context)
    {
        var next = NextStepOrRefuse(DossierActions.Receive, request, context);
        var target = ResolveUnit(next, request.ToUnit, context);
        ReceivedAt = context.UtcNow;
        ClockStartedAt = Utc(context.Deadlines.ClockStart(context.Now));
        DueDate = DueFrom(context, ClockStartedAt.Value);
        OriginalDueDate = DueDate;
        Status = DossierStatus.Received;
        EnterStep(next, target, context);
    }

    private void Move(string action, ActionRequest request, DossierContext context)
    {
        var next = NextStepOrRefuse(action, request, context);
        var target = ResolveUnit(next, request.ToUnit, context);
        Status = DossierStatus.InProgress;
        EnterStep(next, target, context);
    }

    private void ConfirmPayment(ActionRequest request, DossierContext context)
    {
        var next = NextStepOrRefuse(DossierActions.ConfirmPayment, request, context);
        var target = ResolveUnit(next, request.ToUnit, context);
        if (OpenPause is not null)
            EndPause(context);
        Status = DossierStatus.InProgress;
        EnterStep(next, target, context);
    }

    private void RequestSupplement(DossierContext context)
    {
        if (Status == DossierStatus.Submitted)
        {
            // Before reception no clock runs: the applicant simply completes the submission.
            SupplementRequestedBeforeReception = true;
            ResumeStatus = Status;
            Status = DossierStatus.SupplementRequested;
            return;
        }
        SupplementRequestedDuringProcessing = true;
        // Once appraisal has begun, the law restarts the processing time when the papers arrive.
        Pause(PauseReason.Supplement, restartsClock: Status == DossierStatus.InProgress, DossierStatus.SupplementRequested, context);
    }

    private void Supplement(ActionRequest request, DossierContext context)
    {
        var papers = MatchDocuments(context.Definition, request.Documents ?? [], Channel, requireAll: false);
        if (papers.Count == 0)
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải nộp ít nhất một giấy tờ bổ sung.", "documents");
        foreach (var paper in papers)
        {
            _documents.RemoveAll(d => d.Code == paper.Code);
            _documents.Add(paper);
        }
        if (OpenPause is not null)
            EndPause(context);
        Status = ResumeStatus ?? DossierStatus.Received;
        ResumeStatus = null;
    }

    private void Pause(PauseReason reason, bool restartsClock, DossierStatus waiting, DossierContext context)
    {
        _pauses.Add(new ClockPause(reason, context.UtcNow, restartsClock));
        ResumeStatus = Status;
        Status = waiting;
    }

    /// <summary>Ends the running pause: the due dates move by the office time it lasted, or restart.</summary>
    private void EndPause(DossierContext context)
    {
        var pause = OpenPause!;
        var minutes = context.Deadlines.WorkingMinutesBetween(Offset(pause.StartedAt), context.Now);
        pause.End(context.UtcNow, minutes);
        if (pause.RestartsClock)
        {
            ClockStartedAt = Utc(context.Deadlines.ClockStart(context.Now));
            DueDate = DueFrom(context, ClockStartedAt.Value);
            OriginalDueDate = DueDate;
            var step = context.Definition.FindStep(CurrentStepId)!;
            StepStartedAt = ClockStartedAt;
            StepDueDate = StepDueFrom(step, ClockStartedAt.Value, context);
            return;
        }
        DueDate = ShiftBy(DueDate, minutes, context);
        StepDueDate = ShiftBy(StepDueDate, minutes, context);
        // The applicant's time is not the unit's: the legal due date moves too, an apology's date does not stand in for it.
        OriginalDueDate = ShiftBy(OriginalDueDate, minutes, context);
    }

    /// <summary>A pause that cost no office time (over lunch, say) must not move a promised date at all.</summary>
    private static DateTime? ShiftBy(DateTime? due, int minutes, DossierContext context) =>
        due is null || minutes == 0 ? due : Utc(context.Deadlines.AddWorkingMinutes(Offset(due.Value), minutes));

    private void Apologize(ActionRequest request, DossierContext context)
    {
        if (request.NewDueDate is not { } newDue)
            throw new DossierRefusedException(RefusalKind.Invalid, "Phải ghi ngày hẹn trả mới (newDueDate).", "newDueDate");
        if (newDue.UtcDateTime <= DueDate)
            throw new DossierRefusedException(RefusalKind.Invalid, "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.", "newDueDate");
        if (!context.Deadlines.Calendar.IsWorkingDay(DateOnly.FromDateTime(newDue.ToOffset(Calendar.DeadlineCalculator.VietnamOffset).DateTime)))
            throw new DossierRefusedException(RefusalKind.Invalid, "Ngày hẹn trả mới phải là ngày làm việc.", "newDueDate");
        DueDate = newDue.UtcDateTime;
        DueDateReset = true;
    }

    private void Withdraw()
    {
        ResumeStatus = Status;
        Status = DossierStatus.WithdrawalRequested;
    }

    private void Stop(string? comment, DossierContext context)
    {
        if (Status != DossierStatus.WithdrawalRequested)
            RequireComment(comment, "Phải nêu căn cứ dừng giải quyết hồ sơ.");
        Close(DossierStatus.Stopped, context);
    }

    private void Close(DossierStatus status, DossierContext context)
    {
        if (OpenPause is not null)
            EndPause(context);
        ClosedAt = context.UtcNow;
        Status = status;
        ResumeStatus = null;
    }

    private void Resolve(DossierContext context)
    {
        var result = context.Definition.Result;
        ResolvedAt = context.UtcNow;
        Result = new DossierResult(result?.Code ?? "", result?.Name ?? "", context.UtcNow, context.Actor.UserName);
        Status = DossierStatus.Resolved;
        RecordProcessingTime(context);
    }

    /// <summary>
    /// Writes how many office minutes the unit took, pauses excluded, and how many the applicant's pauses took,
    /// both counted from the clock's start at reception. Every way of resolving calls it (a decline too).
    /// </summary>
    private void RecordProcessingTime(DossierContext context)
    {
        if (ReceivedAt is not { } received || ResolvedAt is not { } resolved)
            return;
        var deadlines = context.Deadlines;
        var clockStart = deadlines.ClockStart(Offset(received));
        var end = Offset(resolved);
        var gross = deadlines.WorkingMinutesBetween(clockStart, end);
        // Only the part of each pause inside [clock start, resolution]: a pause begun on a late afternoon's
        // reception stood still before the clock ran at all.
        var paused = _pauses.Where(p => p.EndedAt is not null)
            .Sum(p => deadlines.WorkingMinutesBetween(Max(Offset(p.StartedAt), clockStart), Min(Offset(p.EndedAt!.Value), end)));
        PausedWorkingMinutes = Math.Min(paused, gross);
        ProcessingWorkingMinutes = gross - PausedWorkingMinutes;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// Attaches the issued (signed) result file to a resolved dossier. Part of resolving, in the same
    /// transaction, so it records no event of its own.
    /// </summary>
    public void AttachResultFile(Guid fileId)
    {
        if (Status != DossierStatus.Resolved || Result is null)
            throw new DossierRefusedException(RefusalKind.Conflict, "Chỉ gắn tệp kết quả cho hồ sơ đã giải quyết.");
        if (Result.FileId is not null)
            throw new DossierRefusedException(RefusalKind.Conflict, "Hồ sơ đã có tệp kết quả.");
        Result = Result with { FileId = fileId };
    }

    /// <summary>True when resolved no later than the due date in force (DESIGN §6).</summary>
    public bool? ResolvedOnTime => ResolvedAt is null || DueDate is null ? null : ResolvedAt <= DueDate;

    private StepDefinition NextStepOrRefuse(string action, ActionRequest request, DossierContext context)
    {
        var to = string.IsNullOrWhiteSpace(request.To) ? null : request.To.Trim();
        var nextId = context.Engine.NextStep(CurrentStepId, action, to, Facts);
        if (nextId is null)
        {
            var choices = context.Engine.OpenTransitions(CurrentStepId, action, Facts).Select(t => t.To).Distinct();
            throw new DossierRefusedException(RefusalKind.Invalid,
                $"Không thể '{action}' tới bước '{to}'. Các bước được phép: {string.Join(", ", choices)}.", "to");
        }
        return context.Definition.FindStep(nextId)!;
    }

    private string ResolveUnit(StepDefinition step, string? toUnit, DossierContext context)
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

    private void EnterStep(StepDefinition step, string unitCode, DossierContext context)
    {
        // A dossier received after the cut-off starts its first step when the legal clock starts.
        var start = ClockStartedAt is { } clockStart && clockStart > context.UtcNow ? clockStart : context.UtcNow;
        CurrentStepId = step.Id;
        CurrentUnitCode = unitCode;
        StepStartedAt = start;
        StepDueDate = StepDueFrom(step, start, context);
    }

    private DateTime? StepDueFrom(StepDefinition step, DateTime start, DossierContext context)
    {
        var minutes = StepMinutes(context.Definition, step, context.MinutesPerDay);
        return minutes == 0 ? DueDate : Utc(context.Deadlines.AddWorkingMinutes(Offset(start), minutes));
    }
}
