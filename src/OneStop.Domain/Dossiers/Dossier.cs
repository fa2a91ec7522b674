using OneStop.Domain.Calendar;
using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers;

/// <summary>
/// One application for one procedure (hồ sơ). The aggregate guards its own status; which moves exist
/// comes from the definition version it is pinned to, read through <see cref="WorkflowEngine"/>.
/// Every method checks everything before it changes anything, so a refusal leaves it untouched.
/// </summary>
public sealed partial class Dossier
{
    private readonly List<DossierDocument> _documents = [];
    private readonly List<DossierEvent> _events = [];
    private readonly List<ClockPause> _pauses = [];

    private Dossier() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string TrackingSecret { get; private set; } = "";
    public string ProcedureId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public DossierStatus Status { get; private set; }
    public string CurrentStepId { get; private set; } = "";
    public string CurrentUnitCode { get; private set; } = "";
    public string ReceivingUnitCode { get; private set; } = "";
    public Channel Channel { get; private set; }
    public Applicant Applicant { get; private set; } = null!;
    /// <summary>The citizen account that submitted online, when there is one.</summary>
    public string? OwnerUserName { get; private set; }
    public decimal FeeAmount { get; private set; }

    public DateTime SubmittedAt { get; private set; }
    public DateTime? ReceivedAt { get; private set; }
    /// <summary>When the legal clock started (after the 15:00 cut-off: the next working morning).</summary>
    public DateTime? ClockStartedAt { get; private set; }
    public DateTime? DueDate { get; private set; }
    /// <summary>
    /// The legal due date: the due date as the law sets it, moved by the applicant's pauses like the due date
    /// (their time is not counted against the unit) but never by an apology. Reports count a dossier resolved
    /// after it as late, apology or not (DESIGN §6, §11).
    /// </summary>
    public DateTime? OriginalDueDate { get; private set; }
    public DateTime? StepStartedAt { get; private set; }
    public DateTime? StepDueDate { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ReturnedAt { get; private set; }
    /// <summary>When the dossier was refused or stopped.</summary>
    public DateTime? ClosedAt { get; private set; }
    /// <summary>
    /// Office minutes the unit worked on it, from the clock's start at reception to resolution less the pauses;
    /// written when it is resolved, so reports average working days with a plain SQL AVG (DESIGN §11).
    /// </summary>
    public int? ProcessingWorkingMinutes { get; private set; }
    /// <summary>Office minutes between reception and resolution in which the clock stood still for the applicant.</summary>
    public int? PausedWorkingMinutes { get; private set; }

    public bool DueDateReset { get; private set; }
    public bool SupplementRequestedBeforeReception { get; private set; }
    public bool SupplementRequestedDuringProcessing { get; private set; }
    /// <summary>Where to go back to when a supplement, payment or withdrawal wait ends.</summary>
    public DossierStatus? ResumeStatus { get; private set; }
    public DossierResult? Result { get; private set; }

    /// <summary>Optimistic concurrency token, bumped by every change; the API's ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DossierDocument> Documents => _documents;
    public IReadOnlyList<DossierEvent> Events => _events;
    public IReadOnlyList<ClockPause> Pauses => _pauses;

    public ClockPause? OpenPause => _pauses.FirstOrDefault(p => p.EndedAt is null);

    /// <summary>
    /// Creates a dossier in status <c>Submitted</c> at the reception step. Counter and post papers may be
    /// recorded by code alone (seen at the desk); online papers need a file or a repository document.
    /// </summary>
    public static Dossier Submit(
        DossierContext context, string code, string trackingSecret, Applicant applicant, Channel channel,
        string receivingUnitCode, IReadOnlyList<DocumentSubmission> documents)
    {
        var definition = context.Definition;
        var actor = context.Actor;
        CheckSubmitter(actor, channel, receivingUnitCode, definition);

        var unit = context.Units.Current(receivingUnitCode, context.Today)
            ?? throw new DossierRefusedException(RefusalKind.Invalid, $"Đơn vị tiếp nhận '{receivingUnitCode}' không tồn tại.", "receivingUnitCode");
        if (!unit.IsValidOn(context.Today))
            throw new DossierRefusedException(RefusalKind.Invalid, $"Đơn vị '{unit.Code}' đã ngừng hoạt động và không có đơn vị kế thừa.", "receivingUnitCode");
        if (!string.Equals(unit.Level, definition.Level, StringComparison.Ordinal))
            throw new DossierRefusedException(RefusalKind.Invalid,
                $"Thủ tục '{definition.Name}' được tiếp nhận ở cấp {definition.Level}, đơn vị '{unit.Code}' thuộc cấp {unit.Level}.",
                "receivingUnitCode");

        var papers = MatchDocuments(definition, documents, channel, requireAll: true);
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(context.UtcNow),
            Code = code,
            TrackingSecret = trackingSecret,
            ProcedureId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = DossierStatus.Submitted,
            CurrentStepId = definition.ReceptionStep.Id,
            CurrentUnitCode = unit.Code,
            ReceivingUnitCode = unit.Code,
            Channel = channel,
            Applicant = applicant,
            OwnerUserName = actor.Has(Actor.CitizenRole) ? actor.UserName : null,
            FeeAmount = definition.Fee?.Amount ?? 0,
            SubmittedAt = context.UtcNow,
        };
        dossier._documents.AddRange(papers);
        dossier.Record(context, DossierActions.Submit, null, null, null);
        return dossier;
    }

    private static void CheckSubmitter(Actor actor, Channel channel, string receivingUnitCode, WorkflowDefinition definition)
    {
        if (actor.Has(Actor.CitizenRole))
        {
            if (channel != Channel.Online)
                throw new DossierRefusedException(RefusalKind.Invalid, "Công dân chỉ nộp hồ sơ trực tuyến (channel = online).", "channel");
            if (definition.OnlineLevel == "none")
                throw new DossierRefusedException(RefusalKind.Invalid, $"Thủ tục '{definition.Name}' không cung cấp dịch vụ công trực tuyến.", "procedureId");
            return;
        }
        if (!actor.Has(Actor.ReceptionRole))
            throw new DossierRefusedException(RefusalKind.Forbidden, "Chỉ cán bộ một cửa hoặc công dân được nộp hồ sơ.");
        if (channel == Channel.Online)
            throw new DossierRefusedException(RefusalKind.Invalid, "Cán bộ một cửa tiếp nhận hồ sơ qua kênh counter hoặc post.", "channel");
        if (!string.Equals(actor.UnitCode, receivingUnitCode, StringComparison.OrdinalIgnoreCase))
            throw new DossierRefusedException(RefusalKind.Forbidden, "Cán bộ một cửa chỉ tiếp nhận hồ sơ tại đơn vị của mình.", "receivingUnitCode");
    }

    /// <summary>Checks papers against the definition; with <paramref name="requireAll"/>, names every missing required paper.</summary>
    private static List<DossierDocument> MatchDocuments(
        WorkflowDefinition definition, IReadOnlyList<DocumentSubmission> documents, Channel channel, bool requireAll)
    {
        var papers = new List<DossierDocument>();
        for (var i = 0; i < documents.Count; i++)
        {
            var submitted = documents[i];
            var requirement = definition.Documents.FirstOrDefault(d => d.Code == submitted.Code)
                ?? throw new DossierRefusedException(RefusalKind.Invalid,
                    $"Giấy tờ '{submitted.Code}' không thuộc thành phần hồ sơ của thủ tục.", $"documents[{i}].code");
            if (papers.Any(p => p.Code == submitted.Code))
                throw new DossierRefusedException(RefusalKind.Invalid, $"Giấy tờ '{submitted.Code}' được kê khai hai lần.", $"documents[{i}].code");
            if (channel == Channel.Online && submitted.FileId is null && submitted.RepositoryDocumentId is null)
                throw new DossierRefusedException(RefusalKind.Invalid,
                    $"Hồ sơ trực tuyến: giấy tờ '{requirement.Name}' cần tệp đính kèm (fileId) hoặc giấy tờ trong kho dữ liệu (repositoryDocumentId).",
                    $"documents[{i}]");
            if (submitted.RepositoryDocumentId is not null && !requirement.Reusable)
                throw new DossierRefusedException(RefusalKind.Invalid,
                    $"Giấy tờ '{requirement.Name}' không được lấy lại từ kho dữ liệu.", $"documents[{i}].repositoryDocumentId");
            papers.Add(new DossierDocument(requirement.Code, requirement.Name, submitted.FileId, submitted.RepositoryDocumentId,
                SeenAtCounter: channel != Channel.Online && submitted.FileId is null && submitted.RepositoryDocumentId is null));
        }
        if (requireAll)
        {
            var missing = definition.Documents.Where(d => d.Required && papers.All(p => p.Code != d.Code)).ToList();
            if (missing.Count > 0)
                throw new DossierRefusedException(RefusalKind.Invalid,
                    "Thiếu giấy tờ bắt buộc: " + string.Join("; ", missing.Select(m => $"{m.Code} ({m.Name})")) + ".", "documents");
        }
        return papers;
    }

    private GuardFacts Facts => new(FeeAmount, Applicant.Type == ApplicantType.Organisation ? "organisation" : "person",
        Channel.ToString().ToLowerInvariant());

    private void Record(DossierContext context, string action, DossierStatus? fromStatus, string? fromStep, string? comment)
    {
        _events.Add(new DossierEvent(
            _events.Count == 0 ? 1 : _events.Max(e => e.Sequence) + 1,
            context.UtcNow, action, context.Actor.UserName, context.Actor.UnitCode ?? (fromStatus is null ? null : CurrentUnitCode),
            fromStatus, Status, fromStep, CurrentStepId, CurrentUnitCode, comment, DueDate, StepDueDate));
        Version++;
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

    private static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    private static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static DateTime DueFrom(DossierContext context, DateTime clockStart) =>
        Utc(context.Deadlines.AddWorkingMinutes(Offset(clockStart),
            context.Definition.ProcessingTime?.ToWorkingMinutes(context.MinutesPerDay) ?? 0));
}
