using System.Text.Json;
using OneStop.Api.Common;
using OneStop.Domain.Dossiers;

namespace OneStop.Api.Features.Dossiers;

public sealed record StepResponse(string Id, string Name, string Kind, string Role, bool Claimable = false);

public sealed record ApplicantResponse(string IdNumber, string FullName, string Type, string? Phone, string? Email, string? Address, string? Representative);

public sealed record DocumentResponse(
    string Code, string Name, string Owner, string Source, Guid? FileId, Guid? RepositoryDocumentId, bool SeenAtCounter, bool Digitized,
    IReadOnlyDictionary<string, string>? Fields, string PaperForm = "copy", int Copies = 1);

public sealed record ResultResponse(string Code, string Name, DateTimeOffset IssuedAt, string IssuedBy, Guid? FileId, bool Signed, string? SignedBy);

/// <summary>One opinion request of a consultation step, as DESIGN §10 lists it (plus who answered and what they said).</summary>
public sealed record ConsultationResponse(
    string UnitCode, string StepId, string Role, DateTimeOffset DueDate, string? Answer, DateTimeOffset? AnsweredAt, string? AnsweredBy, string? Comment,
    IReadOnlyList<Guid> Documents);

public sealed record PauseResponse(string Reason, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int WorkingMinutes, bool RestartsClock);

/// <summary>A dossier as DESIGN §10 describes it; <see cref="TrackingSecret"/> only reaches officers and the owner.</summary>
public sealed record DossierResponse(
    string Code,
    string ProcedureId,
    string ProcedureName,
    int DefinitionVersion,
    string Status,
    int StatusCode,
    StepResponse CurrentStep,
    string CurrentUnitCode,
    string ReceivingUnitCode,
    string? CompetentUnitCode,
    string ReturnAt,
    string ReturnUnitCode,
    string Channel,
    ApplicantResponse Applicant,
    IReadOnlyList<DocumentResponse> Documents,
    IReadOnlyDictionary<string, JsonElement>? Form,
    decimal Fee,
    string? Assignee,
    IReadOnlyList<ConsultationResponse> Consultations,
    DateTimeOffset? DueDate,
    DateTimeOffset? OriginalDueDate,
    bool DueDateReset,
    DateTimeOffset? StepDueDate,
    bool Overdue,
    bool DueSoon,
    bool StepOverdue,
    bool StepDueSoon,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceptionDueDate,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt,
    DateTimeOffset? ClosedAt,
    bool? ResolvedOnTime,
    bool? Late,
    string? Outcome,
    ResultResponse? Result,
    IReadOnlyList<ResultResponse> Results,
    IReadOnlyList<PauseResponse> Pauses,
    string? TrackingSecret,
    IReadOnlyList<string> AvailableActions,
    int Version,
    string? PackageCode = null,
    int? VneidLevel = null,
    bool FeePaidOnline = false)
{
    /// <summary>Submitted online through a VNeID-verified account (DESIGN §14); <see cref="VneidLevel"/> says at which level.</summary>
    public bool VneidVerified => VneidLevel is not null;

    public static DossierResponse From(Dossier dossier, DossierContext context, bool showSecret)
    {
        var step = context.Model.Step(dossier.CurrentStepId);
        var deadline = Deadline.Of(dossier, context);
        return new DossierResponse(
            dossier.Code,
            dossier.ProcedureId,
            context.Definition.Name,
            dossier.DefinitionVersion,
            dossier.Status.ToString(),
            (int)dossier.Status,
            new StepResponse(dossier.CurrentStepId, step?.Name ?? dossier.CurrentStepId, step?.Kind ?? "", step?.Role ?? "", step?.Claimable ?? false),
            dossier.CurrentUnitCode,
            dossier.ReceivingUnitCode,
            dossier.CompetentUnitCode,
            dossier.ReturnAt ?? ReturnPoints.Receiving,
            dossier.ReturnUnitCode,
            dossier.Channel.ToString().ToLowerInvariant(),
            new ApplicantResponse(dossier.Applicant.IdNumber, dossier.Applicant.FullName, dossier.Applicant.Type.ToString().ToLowerInvariant(),
                dossier.Applicant.Phone, dossier.Applicant.Email, dossier.Applicant.Address, dossier.Applicant.Representative),
            dossier.Documents.Select(d => new DocumentResponse(d.Code, d.Name, dossier.Applicant.IdNumber, d.Source, d.FileId, d.RepositoryDocumentId,
                d.SeenAtCounter, d.Digitized, d.FieldsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(d.FieldsJson),
                d.PaperForm, d.Copies)).ToList(),
            dossier.FormJson is null ? null : dossier.Form,
            dossier.FeeAmount,
            dossier.AssigneeUserName,
            dossier.Consultations.OrderBy(c => c.RequestedAt).ThenBy(c => c.UnitCode).Select(c => new ConsultationResponse(
                c.UnitCode, c.StepId, c.Role, c.DueAt.ToVietnam(), c.Answer, c.AnsweredAt.ToVietnam(), c.AnsweredBy, c.Comment,
                c.DocumentFileIds?.Split(',').Select(Guid.Parse).ToList() ?? [])).ToList(),
            dossier.DueDate.ToVietnam(),
            dossier.OriginalDueDate.ToVietnam(),
            dossier.DueDateReset,
            dossier.StepDueDate.ToVietnam(),
            deadline.Overdue,
            deadline.DueSoon,
            deadline.StepOverdue,
            deadline.StepDueSoon,
            dossier.SubmittedAt.ToVietnam(),
            dossier.ReceptionDueDate.ToVietnam(),
            dossier.ReceivedAt.ToVietnam(),
            dossier.ResolvedAt.ToVietnam(),
            dossier.ReturnedAt.ToVietnam(),
            dossier.ClosedAt.ToVietnam(),
            dossier.ResolvedOnTime,
            dossier.Late(context.UtcNow),
            dossier.Outcome,
            dossier.Result is { } r ? Present(r) : null,
            dossier.Results.Select(Present).ToList(),
            dossier.Pauses.Select(p => new PauseResponse(p.Reason.ToString(), p.StartedAt.ToVietnam(), p.EndedAt.ToVietnam(), p.WorkingMinutes, p.RestartsClock)).ToList(),
            showSecret ? dossier.TrackingSecret : null,
            dossier.AvailableActions(context),
            dossier.Version,
            dossier.PackageCode,
            dossier.VneidLevel,
            dossier.FeePaidOnline);
    }

    private static ResultResponse Present(DossierResult r) =>
        new(r.Code, r.Name, r.IssuedAt.ToVietnam(), r.IssuedBy, r.FileId, r.Signed, r.SignedBy);
}

/// <summary>
/// Queue flags of DESIGN §6: overdue, or due within one working day, for the dossier and its step — and for an
/// online dossier still waiting to be received, against its reception due date.
/// </summary>
public readonly record struct Deadline(bool Overdue, bool DueSoon, bool StepOverdue, bool StepDueSoon)
{
    public static Deadline Of(Dossier dossier, DossierContext context)
    {
        if (dossier.Status == DossierStatus.Submitted && dossier.ReceptionDueDate is { } receptionDue)
        {
            var (receptionLate, receptionSoon) = Flags(receptionDue, context);
            return new Deadline(receptionLate, receptionSoon, receptionLate, receptionSoon);
        }
        if (!dossier.Status.ClockRuns())
            return default;
        var (overdue, soon) = Flags(dossier.DueDate, context);
        var (stepOverdue, stepSoon) = Flags(dossier.StepDueDate, context);
        return new Deadline(overdue, soon, stepOverdue, stepSoon);
    }

    private static (bool Overdue, bool Soon) Flags(DateTime? due, DossierContext context)
    {
        if (due is null)
            return (false, false);
        if (context.UtcNow > due)
            return (true, false);
        var left = context.Deadlines.WorkingMinutesBetween(
            new DateTimeOffset(context.UtcNow, TimeSpan.Zero), new DateTimeOffset(due.Value, TimeSpan.Zero));
        return (false, left <= context.MinutesPerDay);
    }
}

public sealed record HistoryEventResponse(
    int Sequence, DateTimeOffset At, string Action, string Actor, string? UnitCode, string? FromStatus, string ToStatus,
    string? FromStep, string? ToStep, string? ToUnitCode, string? Comment, DateTimeOffset? DueDate);
