using System.Text.RegularExpressions;
using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Simulation;

/// <summary>One stay of a dossier at a step: when it came, when it was due to leave, when it left.</summary>
public sealed record StepVisit(string StepId, string StepName, DateTime EnteredAt, DateTime? DueAt, DateTime? LeftAt)
{
    /// <summary>It left after the step's due date (a processing step only: reception and result have no time of their own).</summary>
    public bool Late => DueAt is { } due && LeftAt is { } left && left > due;
}

/// <summary>Where a replay could not follow the recorded history: the action the draft refused, and why.</summary>
public sealed record Divergence(int Sequence, DateTime At, string Action, string Actor, string StepId, string Reason);

/// <summary>How one closed dossier fares when its history is replayed through a draft.</summary>
public sealed record ReplayOutcome(
    string Code,
    DossierStatus OriginalStatus,
    DossierStatus? SimulatedStatus,
    Divergence? Divergence,
    bool OriginallyLate,
    bool MissesDueDate,
    DateTime? SimulatedDueDate,
    IReadOnlyList<StepVisit> Steps)
{
    /// <summary>The draft would have refused part of the history, or the dossier ends in another status.</summary>
    public bool EndsDifferently => Divergence is not null || SimulatedStatus != OriginalStatus;

    /// <summary>Steps it would have left after their due date under the draft.</summary>
    public IReadOnlyList<StepVisit> LateSteps => Steps.Where(s => s.Late).ToList();

    /// <summary>Late under the draft: past the dossier's due date, or past a step's.</summary>
    public bool Late => MissesDueDate || Steps.Any(s => s.Late);
}

/// <summary>
/// Replays a closed dossier's recorded history through another version of its procedure — a draft — on a fake clock
/// (DESIGN §10 <c>simulate</c>): the same submission, the same actions by the same people at the same times, with the
/// draft's compiled model deciding each one through the very <see cref="Dossier.Act"/> the API uses, and the draft's
/// own timers (waits, deemed-agreed opinions) firing when their time comes. Nothing is stored: the replayed dossier
/// lives in memory only.
/// </summary>
public static partial class DossierReplay
{
    /// <param name="actorOf">The actor a recorded user name was, acting at the recorded unit (null for citizens and the system).</param>
    public static ReplayOutcome Run(Dossier original, ProcedureModel draft, UnitTree units, DeadlineCalculator deadlines,
        Func<string, string?, Actor> actorOf)
    {
        var events = original.Events.OrderBy(e => e.Sequence).ToList();
        var submitted = events[0];
        DossierContext At(DateTime utc, Actor actor) => new(draft, units, deadlines, actor, utc);

        Dossier replay;
        try
        {
            var papers = original.Documents.Select(d => new DocumentSubmission(d.Code, d.FileId, d.RepositoryDocumentId)).ToList();
            var unit = submitted.ToUnitCode ?? original.ReceivingUnitCode;
            var form = original.FormJson is null ? null : original.Form;
            replay = original.PackageCode is { } package
                ? Dossier.StartInPackage(At(submitted.At, Actor.System), package, original.Code, original.TrackingSecret, original.Applicant,
                    original.Channel, unit, papers, form, original.OwnerUserName, submitted.Comment ?? "")
                : Dossier.Submit(At(submitted.At, actorOf(submitted.Actor, submitted.UnitCode)), original.Code, original.TrackingSecret,
                    original.Applicant, original.Channel, unit, papers, form);
        }
        catch (DossierRefusedException refused)
        {
            var divergence = new Divergence(submitted.Sequence, submitted.At, submitted.Action, submitted.Actor, draft.Reception.Id, refused.Message);
            return new ReplayOutcome(original.Code, original.Status, null, divergence, WasLate(original), false, null, []);
        }

        Divergence? diverged = null;
        foreach (var recorded in events.Skip(1))
        {
            FireTimersDue(replay, recorded.At, At);
            if (SkippedOnReplay(recorded))
            {
                if (recorded.Action == DossierActions.Transfer)
                    FollowTransfer(replay, recorded);
                continue;
            }
            var actor = actorOf(recorded.Actor, recorded.UnitCode);
            try
            {
                replay.Act(recorded.Action, RequestFor(recorded, original, replay, draft, actorOf), At(recorded.At, actor));
            }
            catch (DossierRefusedException refused)
            {
                diverged = new Divergence(recorded.Sequence, recorded.At, recorded.Action, recorded.Actor, replay.CurrentStepId, refused.Message);
                break;
            }
        }
        return new ReplayOutcome(original.Code, original.Status, replay.Status, diverged, WasLate(original),
            replay.ResolvedAt is { } resolved && replay.OriginalDueDate is { } due && resolved > due,
            replay.OriginalDueDate, Visits(replay, draft));
    }

    /// <summary>Late as DESIGN §6 counts it: resolved after the original due date, whatever an apology promised.</summary>
    private static bool WasLate(Dossier dossier) =>
        dossier.ResolvedAt is { } resolved && dossier.OriginalDueDate is { } due && resolved > due;

    /// <summary>
    /// What the system did by itself (a wait's end, an opinion deemed given, a migration) comes from the draft's own
    /// timers, not from the record; a digitized scan changes no step.
    /// </summary>
    private static bool SkippedOnReplay(DossierEvent recorded) =>
        recorded.Actor == RoleNames.SystemActor || recorded.Action is DossierActions.Transfer or DossierActions.Migrate or Dossier.DigitizeAction;

    /// <summary>A unit merge moved the real dossier; the replayed one follows when it stands at the same unit.</summary>
    private static void FollowTransfer(Dossier replay, DossierEvent recorded)
    {
        if (recorded.UnitCode is not { } from || recorded.ToUnitCode is not { } to || !replay.Status.IsOpen())
            return;
        if (string.Equals(replay.CurrentUnitCode, from, StringComparison.OrdinalIgnoreCase)
            || string.Equals(replay.ReceivingUnitCode, from, StringComparison.OrdinalIgnoreCase))
            replay.TransferUnit(from, to, Actor.System, recorded.At, recorded.Comment ?? "Chuyển đơn vị.");
    }

    /// <summary>Fires, in due order, every timer of the replayed dossier due by <paramref name="until"/>, each at its own time.</summary>
    private static void FireTimersDue(Dossier replay, DateTime until, Func<DateTime, Actor, DossierContext> at)
    {
        for (var fired = 0; fired < 100; fired++)
        {
            var next = replay.DueTimers(until).OrderBy(t => t.DueAt).FirstOrDefault();
            if (next is null || replay.FireTimer(next.Id, at(next.DueAt, Actor.System)) == TimerOutcome.NotYet)
                return;
        }
    }

    /// <summary>The request the recorded action carried, as far as the history keeps it.</summary>
    private static ActionRequest RequestFor(DossierEvent recorded, Dossier original, Dossier replay, ProcedureModel draft,
        Func<string, string?, Actor> actorOf)
    {
        var comment = recorded.Comment;
        switch (recorded.Action)
        {
            case DossierActions.Receive or DossierActions.Forward or DossierActions.Return or DossierActions.Approve or DossierActions.ConfirmPayment:
                // Follow the recorded path where the draft offers it; otherwise let the draft choose.
                var step = draft.Step(replay.CurrentStepId);
                var to = step?.Transitions.Any(t => t.Action == recorded.Action && t.To == recorded.ToStep) == true ? recorded.ToStep : null;
                return new ActionRequest(comment, to);
            case DossierActions.Supplement:
                return new ActionRequest(comment, Documents: original.Documents.Select(d => new DocumentSubmission(d.Code, d.FileId, d.RepositoryDocumentId)).ToList());
            case DossierActions.Apologize:
                return new ActionRequest(comment, NewDueDate: recorded.DueDate is { } due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : null);
            case DossierActions.AnswerConsultation:
                var answered = original.Consultations.FirstOrDefault(c => c.AnsweredBy == recorded.Actor && c.AnsweredAt == recorded.At);
                return new ActionRequest(answered?.Comment, Answer: answered?.Answer, UnitCode: answered?.UnitCode ?? recorded.UnitCode);
            case DossierActions.Assign:
                return new ActionRequest(comment, Assignee: AssigneeOf(comment) is { } name ? actorOf(name, recorded.UnitCode) : null);
            default:
                return new ActionRequest(comment);
        }
    }

    [GeneratedRegex(@"^Giao (?<user>\S+) xử lý")]
    private static partial Regex AssignedTo();

    private static string? AssigneeOf(string? comment) =>
        comment is not null && AssignedTo().Match(comment) is { Success: true } match ? match.Groups["user"].Value : null;

    /// <summary>
    /// The steps the replayed dossier stood at, from its own history: each stay from the event that entered the step to
    /// the one that left it, due when the last event during the stay said (a pause moves the date).
    /// </summary>
    private static IReadOnlyList<StepVisit> Visits(Dossier replay, ProcedureModel draft)
    {
        var visits = new List<StepVisit>();
        StepVisit? current = null;
        foreach (var e in replay.Events.OrderBy(e => e.Sequence))
        {
            var step = e.ToStep is null ? null : draft.Step(e.ToStep);
            var entering = current is null || e.ToStep != current.StepId
                || e.Action is DossierActions.Forward or DossierActions.Return or DossierActions.Elapse or DossierActions.Receive;
            if (current is not null && entering)
            {
                visits.Add(current with { LeftAt = e.At });
                current = null;
            }
            var timed = step is not null && step.Kind is not (StepKinds.Reception or StepKinds.Result);
            if (current is null && e.ToStep is { } id && e.ToStatus.IsOpen())
                current = new StepVisit(id, step?.Name ?? id, e.At, timed ? e.StepDueDate : null, null);
            else if (current is not null && timed)
                current = current with { DueAt = e.StepDueDate };
        }
        if (current is not null)
            visits.Add(current);
        return visits;
    }
}
