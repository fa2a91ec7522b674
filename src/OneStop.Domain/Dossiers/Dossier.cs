using System.Text.Json;
using OneStop.Domain.Definitions;
using OneStop.Domain.Definitions.Guards;
using OneStop.Domain.Dossiers.Actions;

namespace OneStop.Domain.Dossiers;

/// <summary>
/// One application for one procedure (hồ sơ). The aggregate keeps the state and the invariants every action
/// shares (the history, the clock, entering a step); each action — who may take it, when, and what it does —
/// is one file under <c>Dossiers/Actions</c>. Which moves exist comes from the compiled model of the definition
/// version the dossier is pinned to. Every action checks everything before it changes anything.
/// </summary>
public sealed partial class Dossier
{
    private readonly List<DossierDocument> _documents = [];
    private readonly List<DossierEvent> _events = [];
    private readonly List<ClockPause> _pauses = [];
    private readonly List<DossierConsultation> _consultations = [];
    private readonly List<DossierTimer> _timers = [];
    private readonly List<DossierResult> _results = [];
    private readonly List<IDomainEvent> _domainEvents = [];

    private Dossier() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string TrackingSecret { get; private set; } = "";
    public string ProcedureId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public DossierStatus Status { get; internal set; }
    public string CurrentStepId { get; private set; } = "";
    public string CurrentUnitCode { get; private set; } = "";
    public string ReceivingUnitCode { get; private set; } = "";
    /// <summary>
    /// An any-point dossier's competent unit (DESIGN §3, Decree 118/2025): where it is decided, whatever counter of
    /// the province received it. Null for a dossier decided where it was received.
    /// </summary>
    public string? CompetentUnitCode { get; private set; }
    /// <summary>Where the applicant gets the result: <see cref="ReturnPoints"/>; null is the receiving unit.</summary>
    public string? ReturnAt { get; private set; }
    /// <summary><c>granted</c> or <c>declined</c> once resolved (DESIGN §5).</summary>
    public string? Outcome { get; internal set; }
    public Channel Channel { get; private set; }
    public Applicant Applicant { get; private set; } = null!;
    /// <summary>The citizen account that submitted online, when there is one.</summary>
    public string? OwnerUserName { get; private set; }
    /// <summary>The package (liên thông, DESIGN §4.2) this dossier is a member of, when it is one.</summary>
    public string? PackageCode { get; private set; }
    /// <summary>The fee computed for this dossier at submission (DESIGN §4.1); guards read it as <c>fee.amount</c>.</summary>
    public decimal FeeAmount { get; private set; }
    /// <summary>The typed form values as JSON (<c>{ key: value }</c>), validated against the definition.</summary>
    public string? FormJson { get; private set; }
    /// <summary>The officer who claimed (or was assigned) the current step's work, on a claimable step.</summary>
    public string? AssigneeUserName { get; internal set; }
    /// <summary>Counts entries into steps; timers and consultation rounds belong to one entry.</summary>
    public int StepEntry { get; private set; }
    /// <summary>
    /// The VNeID level (1 or 2) of the citizen's sign-in when the dossier was submitted online through a
    /// VNeID-verified account (DESIGN §14); null otherwise (counter, post, or a password sign-in).
    /// </summary>
    public int? VneidLevel { get; private set; }
    /// <summary>The fee was paid through the national payment platform, confirmed by its signed callback or reconciliation.</summary>
    public bool FeePaidOnline { get; internal set; }
    /// <summary>The leader who approved at a step that <c>signs</c>; the results name them as signer.</summary>
    public string? SignerUserName { get; internal set; }

    public DateTime SubmittedAt { get; private set; }
    /// <summary>
    /// By when an online dossier must be received or refused: the close of the working day after its submission
    /// (DESIGN §6); the queue flags it due soon or overdue while it waits.
    /// </summary>
    public DateTime? ReceptionDueDate { get; private set; }
    public DateTime? ReceivedAt { get; internal set; }
    /// <summary>When the legal clock started (after the 15:00 cut-off: the next working morning).</summary>
    public DateTime? ClockStartedAt { get; internal set; }
    public DateTime? DueDate { get; internal set; }
    /// <summary>
    /// The legal due date: the due date as the law sets it, moved by the applicant's pauses like the due date
    /// (their time is not counted against the unit) but never by an apology. Reports count a dossier resolved
    /// after it as late, apology or not (DESIGN §6, §11).
    /// </summary>
    public DateTime? OriginalDueDate { get; internal set; }
    public DateTime? StepStartedAt { get; private set; }
    public DateTime? StepDueDate { get; internal set; }
    public DateTime? ResolvedAt { get; internal set; }
    public DateTime? ReturnedAt { get; internal set; }
    /// <summary>When the dossier was refused or stopped.</summary>
    public DateTime? ClosedAt { get; internal set; }
    /// <summary>
    /// Office minutes the unit worked on it, from the clock's start at reception to resolution less the pauses;
    /// written when it is resolved, so reports average working days with a plain SQL AVG (DESIGN §11).
    /// </summary>
    public int? ProcessingWorkingMinutes { get; private set; }
    /// <summary>Office minutes between reception and resolution in which the clock stood still for the applicant.</summary>
    public int? PausedWorkingMinutes { get; private set; }

    public bool DueDateReset { get; internal set; }
    public bool SupplementRequestedBeforeReception { get; internal set; }
    public bool SupplementRequestedDuringProcessing { get; internal set; }
    /// <summary>Where to go back to when a supplement, payment or withdrawal wait ends.</summary>
    public DossierStatus? ResumeStatus { get; internal set; }

    /// <summary>Optimistic concurrency token, bumped by every change; the API's ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DossierDocument> Documents => _documents;
    public IReadOnlyList<DossierEvent> Events => _events;
    public IReadOnlyList<ClockPause> Pauses => _pauses;
    public IReadOnlyList<DossierConsultation> Consultations => _consultations;
    public IReadOnlyList<DossierTimer> Timers => _timers;
    public IReadOnlyList<DossierResult> Results => _results;
    /// <summary>The first result, as older code and the national portal's payload read it.</summary>
    public DossierResult? Result => _results.Count == 0 ? null : _results[0];
    /// <summary>What this dossier's changes since the last save mean to the rest of the system.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public ClockPause? OpenPause => _pauses.FirstOrDefault(p => p.EndedAt is null);

    /// <summary>The form values, parsed once from <see cref="FormJson"/> (guards read them on every decision).</summary>
    public IReadOnlyDictionary<string, JsonElement> Form =>
        _form ??= FormJson is null ? GuardScope.NoForm : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FormJson)!;

    private IReadOnlyDictionary<string, JsonElement>? _form;

    /// <summary>The consultation requests of the current step entry.</summary>
    public IReadOnlyList<DossierConsultation> OpenRound =>
        _consultations.Where(c => c.StepId == CurrentStepId && c.Round == StepEntry).ToList();

    public void ClearDomainEvents() => _domainEvents.Clear();

    internal void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>
    /// Creates a dossier in status <c>Submitted</c> at the reception step. Counter and post papers may be recorded by
    /// code alone (seen at the desk); online papers need a file or a repository document. The form is validated,
    /// the fee computed and the papers required under a guard checked, all before anything exists.
    /// </summary>
    public static Dossier Submit(
        DossierContext context, string code, string trackingSecret, Applicant applicant, Channel channel,
        string receivingUnitCode, IReadOnlyList<DocumentSubmission> documents, IReadOnlyDictionary<string, JsonElement>? form = null,
        SubmissionRouting? routing = null, NationalProof? proof = null)
    {
        var actor = context.Actor;
        CheckSubmitter(actor, channel, receivingUnitCode, context.Definition);
        var dossier = Create(context, code, trackingSecret, applicant, channel, receivingUnitCode, documents, form,
            actor.Has(RoleNames.Citizen) ? actor.UserName : null, routing, proof);
        dossier.Record(context, DossierActions.Submit, null, null, null);
        return dossier;
    }

    /// <summary>
    /// Starts a member of a package at its competent unit (DESIGN §4.2): status <c>Submitted</c> there, as if it had
    /// been submitted on its own, with the papers the applicant gave for it and those earlier members' results
    /// supply by reference. Who may submit was checked for the whole package; everything else is checked here.
    /// </summary>
    public static Dossier StartInPackage(
        DossierContext context, string packageCode, string code, string trackingSecret, Applicant applicant, Channel channel,
        string unitCode, IReadOnlyList<DocumentSubmission> documents, IReadOnlyDictionary<string, JsonElement>? form, string? ownerUserName,
        string comment)
    {
        var dossier = Create(context, code, trackingSecret, applicant, channel, unitCode, documents, form, ownerUserName, routing: null, proof: null);
        dossier.PackageCode = packageCode;
        dossier.Record(context, DossierActions.Submit, null, null, comment);
        return dossier;
    }

    private static Dossier Create(
        DossierContext context, string code, string trackingSecret, Applicant applicant, Channel channel,
        string receivingUnitCode, IReadOnlyList<DocumentSubmission> documents, IReadOnlyDictionary<string, JsonElement>? form, string? ownerUserName,
        SubmissionRouting? routing, NationalProof? proof)
    {
        var model = context.Model;
        var definition = model.Definition;
        var unit = context.Units.Current(receivingUnitCode, context.Today)
            ?? throw new DossierRefusedException(RefusalKind.Invalid, $"Đơn vị tiếp nhận '{receivingUnitCode}' không tồn tại.", "receivingUnitCode");
        if (!unit.IsValidOn(context.Today))
            throw new DossierRefusedException(RefusalKind.Invalid, $"Đơn vị '{unit.Code}' đã ngừng hoạt động và không có đơn vị kế thừa.", "receivingUnitCode");
        var place = Routing.Decide(context, unit, applicant, routing ?? new SubmissionRouting());

        var values = FormValues.Validate(model.Form, form, context.Today);
        var papers = MatchDocuments(definition, documents, channel);
        papers.AddRange(TakenFromNationalDatabase(definition, papers, applicant, proof));
        var scope = Scope(values, applicant, channel, 0, papers, new GuardUnit(unit.Code, unit.Level, unit.Kind));
        var fee = model.Fee.Compute(scope);
        RequireAll(model, papers, scope with { FeeAmount = fee });

        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(context.UtcNow),
            Code = code,
            TrackingSecret = trackingSecret,
            ProcedureId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = DossierStatus.Submitted,
            CurrentStepId = model.Reception.Id,
            CurrentUnitCode = unit.Code,
            ReceivingUnitCode = unit.Code,
            CompetentUnitCode = place.CompetentUnitCode,
            ReturnAt = place.ReturnAt,
            Channel = channel,
            Applicant = applicant,
            OwnerUserName = ownerUserName,
            FeeAmount = fee,
            FormJson = values.Count == 0 ? null : JsonSerializer.Serialize(values),
            SubmittedAt = context.UtcNow,
            // Decree 61/2018 art. 14: an online dossier is checked and received or refused within the next working day.
            ReceptionDueDate = channel == Channel.Online ? Utc(context.Deadlines.CloseOfNextWorkingDay(context.Now)) : null,
            VneidLevel = channel == Channel.Online && context.Actor.Has(RoleNames.Citizen) ? context.Actor.VneidLevel : null,
        };
        dossier._documents.AddRange(papers);
        return dossier;
    }

    /// <summary>Who may submit through which channel where (DESIGN §2): a citizen online, the counter at its own unit.</summary>
    public static void CheckSubmitter(Actor actor, Channel channel, string receivingUnitCode, WorkflowDefinition definition)
    {
        if (actor.Has(RoleNames.Citizen))
        {
            if (channel != Channel.Online)
                throw new DossierRefusedException(RefusalKind.Invalid, "Công dân chỉ nộp hồ sơ trực tuyến (channel = online).", "channel");
            if (definition.OnlineLevel == "none")
                throw new DossierRefusedException(RefusalKind.Invalid, $"Thủ tục '{definition.Name}' không cung cấp dịch vụ công trực tuyến.", "procedureId");
            if (definition.VneidLevel is { } needed && (actor.VneidLevel ?? 0) < needed)
                throw new DossierRefusedException(RefusalKind.Forbidden, actor.VneidLevel is { } level
                    ? $"Thủ tục '{definition.Name}' yêu cầu tài khoản định danh điện tử VNeID mức {needed}; tài khoản của bạn mới ở mức {level}. " +
                      "Hãy nâng mức tài khoản trên ứng dụng VNeID rồi đăng nhập lại, hoặc nộp hồ sơ tại bộ phận một cửa."
                    : $"Thủ tục '{definition.Name}' yêu cầu đăng nhập bằng tài khoản định danh điện tử VNeID mức {needed} " +
                      "(GET /api/auth/vneid/login); đăng nhập bằng mật khẩu không đủ để nộp trực tuyến thủ tục này.");
            return;
        }
        if (!actor.Has(RoleNames.Reception))
            throw new DossierRefusedException(RefusalKind.Forbidden, "Chỉ cán bộ một cửa hoặc công dân được nộp hồ sơ.");
        if (channel == Channel.Online)
            throw new DossierRefusedException(RefusalKind.Invalid, "Cán bộ một cửa tiếp nhận hồ sơ qua kênh counter hoặc post.", "channel");
        if (!string.Equals(actor.UnitCode, receivingUnitCode, StringComparison.OrdinalIgnoreCase))
            throw new DossierRefusedException(RefusalKind.Forbidden, "Cán bộ một cửa chỉ tiếp nhận hồ sơ tại đơn vị của mình.", "receivingUnitCode");
    }

    /// <summary>Checks papers against the definition: known codes, listed once, online ones with a file or repository document.</summary>
    internal static List<DossierDocument> MatchDocuments(WorkflowDefinition definition, IReadOnlyList<DocumentSubmission> documents, Channel channel)
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
            var seenAtCounter = channel != Channel.Online && submitted.FileId is null && submitted.RepositoryDocumentId is null;
            var paperForm = submitted.PaperForm ?? (seenAtCounter ? PaperForms.Copy : PaperForms.Electronic);
            if (!PaperForms.All.Contains(paperForm))
                throw new DossierRefusedException(RefusalKind.Invalid,
                    $"Hình thức giấy tờ '{paperForm}' không hợp lệ; dùng: {string.Join(", ", PaperForms.All)}.", $"documents[{i}].paperForm");
            if (submitted.Copies is < 1 or > 100)
                throw new DossierRefusedException(RefusalKind.Invalid, "Số lượng bản (copies) phải từ 1 đến 100.", $"documents[{i}].copies");
            papers.Add(new DossierDocument(requirement.Code, requirement.Name, submitted.FileId, submitted.RepositoryDocumentId,
                SeenAtCounter: seenAtCounter, PaperForm: paperForm, Copies: submitted.Copies ?? 1));
        }
        return papers;
    }

    /// <summary>
    /// The papers a national database proves for this applicant (<c>provenBy</c>) and that were not handed in: taken
    /// from it instead of being asked for. The proof must be about the applicant themself.
    /// </summary>
    private static IEnumerable<DossierDocument> TakenFromNationalDatabase(
        WorkflowDefinition definition, IReadOnlyList<DossierDocument> papers, Applicant applicant, NationalProof? proof)
    {
        if (proof is null)
            return [];
        if (!string.Equals(proof.SubjectId, applicant.IdNumber, StringComparison.Ordinal))
            throw new DossierRefusedException(RefusalKind.Invalid,
                $"Kết quả tra cứu CSDL quốc gia là của {proof.SubjectId}, không phải của người nộp {applicant.IdNumber}.", "lookupId");
        return definition.Documents
            .Where(d => d.ProvenBy == proof.Database && papers.All(p => p.Code != d.Code))
            .Select(d => new DossierDocument(d.Code, d.Name, TakenFrom: proof.Database))
            .ToList();
    }

    /// <summary>Names every required paper missing — the always-required ones and those whose guard holds for this dossier.</summary>
    private static void RequireAll(ProcedureModel model, IReadOnlyList<DossierDocument> papers, GuardScope scope)
    {
        var missing = model.Papers.Where(p => papers.All(d => d.Code != p.Code) && p.IsRequired(scope)).ToList();
        if (missing.Count > 0)
            throw new DossierRefusedException(RefusalKind.Invalid,
                "Thiếu giấy tờ bắt buộc: " + string.Join("; ", missing.Select(m => $"{m.Code} ({m.Requirement.Name})")) + ".", "documents");
    }

    /// <summary>What this dossier's guards may read, with the unit it is at now.</summary>
    public GuardScope Scope(DossierContext context)
    {
        var unit = context.Units.Find(CurrentUnitCode);
        return Scope(Form, Applicant, Channel, FeeAmount, _documents, unit is null ? null : new GuardUnit(unit.Code, unit.Level, unit.Kind));
    }

    private static GuardScope Scope(IReadOnlyDictionary<string, JsonElement> form, Applicant applicant, Channel channel, decimal fee,
        IReadOnlyList<DossierDocument> papers, GuardUnit? unit) =>
        new(form, applicant.Type == ApplicantType.Organisation ? GuardScope.Organization : GuardScope.Citizen, applicant.IdNumber,
            channel.ToString().ToLowerInvariant(), fee, papers.Select(p => p.Code).ToList(), unit);

    /// <summary>
    /// Takes <paramref name="action"/>: the action's own check (who, where, when) first, then its effect, then one
    /// history event. A refusal throws <see cref="DossierRefusedException"/> and leaves the dossier as it was.
    /// </summary>
    public void Act(string action, ActionRequest request, DossierContext context)
    {
        var handler = DossierAction.Find(action)
            ?? throw new DossierRefusedException(RefusalKind.Invalid,
                $"Thao tác '{action}' không tồn tại. Các thao tác: {string.Join(", ", DossierActions.All)}.", "action");
        if (Check(handler, context) is { } refusal)
            throw refusal;
        var fromStatus = Status;
        var fromStep = CurrentStepId;
        var fromUnit = CurrentUnitCode;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var recorded = handler.Apply(this, request with { Comment = comment }, context);
        Record(context, action, fromStatus, fromStep, recorded.Comment ?? comment, recorded.UnitCode, recorded.Details);
        RecordAnyPointHop(fromUnit, context);
    }

    /// <summary>The actions <paramref name="context"/>'s actor may take now, for <c>availableActions</c>.</summary>
    public IReadOnlyList<string> AvailableActions(DossierContext context) =>
        DossierAction.Requestable.Where(a => Check(a, context) is null).Select(a => a.Name).ToList();

    /// <summary>Null when <paramref name="action"/> is allowed now; otherwise why not. Request details are checked when acting.</summary>
    public DossierRefusedException? Check(string action, DossierContext context) =>
        DossierAction.Find(action) is { } handler ? Check(handler, context)
        : new DossierRefusedException(RefusalKind.Invalid, $"Thao tác '{action}' không tồn tại. Các thao tác: {string.Join(", ", DossierActions.All)}.", "action");

    private DossierRefusedException? Check(DossierAction action, DossierContext context)
    {
        if (context.Model.Step(CurrentStepId) is not { } step)
            return new DossierRefusedException(RefusalKind.Conflict, $"Bước '{CurrentStepId}' không còn trong định nghĩa phiên bản {DefinitionVersion}.");
        // Claimable work (DESIGN §4.1): once an officer holds it, the others see it but cannot act — nor can anyone before it is claimed.
        if (step.Claimable && action.IsStepWork && context.Actor.IsOfficer && AssigneeUserName != context.Actor.UserName)
            return new DossierRefusedException(RefusalKind.Forbidden, AssigneeUserName is null
                ? $"Bước '{step.Name}' phải được nhận xử lý (claim) trước khi thao tác."
                : $"Bước '{step.Name}' đang do '{AssigneeUserName}' xử lý; chỉ người đó thao tác, lãnh đạo có thể giao lại.");
        return action.Check(this, step, context);
    }

    internal void Record(DossierContext context, string action, DossierStatus? fromStatus, string? fromStep, string? comment, string? actingUnit = null,
        string? details = null)
    {
        var entry = new DossierEvent(
            _events.Count == 0 ? 1 : _events.Max(e => e.Sequence) + 1,
            context.UtcNow, action, context.Actor.UserName, actingUnit ?? context.Actor.UnitCode ?? (fromStatus is null ? null : CurrentUnitCode),
            fromStatus, Status, fromStep, CurrentStepId, CurrentUnitCode, comment, DueDate, StepDueDate, details);
        _events.Add(entry);
        Version++;
        Raise(new DossierChanged(this, entry));
    }

    internal void ReplaceForm(IReadOnlyDictionary<string, JsonElement> values)
    {
        FormJson = values.Count == 0 ? null : JsonSerializer.Serialize(values);
        _form = null;
    }

    internal void ReplacePapers(IEnumerable<DossierDocument> papers)
    {
        foreach (var paper in papers)
        {
            _documents.RemoveAll(d => d.Code == paper.Code);
            _documents.Add(paper);
        }
    }

    internal void AddResults(IEnumerable<DossierResult> results) => _results.AddRange(results);

    internal void AddConsultation(DossierConsultation consultation) => _consultations.Add(consultation);

    internal void Arm(DossierContext context, StepModel step, TimerKind kind, DateTime dueAt, string? target = null)
    {
        var timer = new DossierTimer(Guid.CreateVersion7(context.UtcNow), step.Id, StepEntry, kind, target, dueAt);
        _timers.Add(timer);
        Raise(new TimerArmed(Id, timer.Id, dueAt));
    }

    internal void Notify(string kind, string message, string? unitCode, IReadOnlyList<string> roles, string? userName = null) =>
        Raise(new NotificationRequested(Code, kind, message, unitCode, roles, userName));

    /// <summary>
    /// True when resolved no later than the due date the law gives (DESIGN §6): an apology moves the promised date,
    /// not this — a dossier resolved after its original due date is late even when it meets the apology's date.
    /// </summary>
    public bool? ResolvedOnTime => ResolvedAt is null || OriginalDueDate is null ? null : ResolvedAt <= OriginalDueDate;

    /// <summary>Late as every report counts it: resolved after the original due date, or still open past it at <paramref name="utcNow"/>.</summary>
    public bool? Late(DateTime utcNow) =>
        OriginalDueDate is not { } due ? null
        : ResolvedAt is { } resolved ? resolved > due
        : Status.ClockRuns() || Status is DossierStatus.WithdrawalRequested ? utcNow > due
        : false;

    /// <summary>Received at one counter of the province and decided by another unit (DESIGN §3).</summary>
    public bool IsAnyPoint => CompetentUnitCode is not null;

    /// <summary>The unit whose counter hands over the result: the receiving unit, or the competent one for <c>competent</c> and <c>post</c>.</summary>
    public string ReturnUnitCode => ReturnAt is ReturnPoints.Competent or ReturnPoints.Post ? CompetentUnitCode ?? ReceivingUnitCode : ReceivingUnitCode;

    /// <summary>Where the procedure is decided and its levels are counted from: the competent unit, else the receiving one.</summary>
    public string HomeUnitCode => CompetentUnitCode ?? ReceivingUnitCode;

    /// <summary>The applicant's own account: the citizen who submitted, or the person the dossier is for.</summary>
    public bool IsOwner(Actor actor) =>
        actor.Has(RoleNames.Citizen) &&
        (OwnerUserName is not null && OwnerUserName == actor.UserName ||
         actor.PersonalId is not null && actor.PersonalId == Applicant.IdNumber);

    /// <summary>
    /// Attaches the issued (signed) file of result <paramref name="code"/>. Part of resolving, in the same
    /// transaction, so it records no event of its own.
    /// </summary>
    public void AttachResultFile(string code, Guid fileId)
    {
        var index = _results.FindIndex(r => r.Code == code);
        if (Status != DossierStatus.Resolved || index < 0)
            throw new DossierRefusedException(RefusalKind.Conflict, "Chỉ gắn tệp kết quả cho hồ sơ đã giải quyết.");
        if (_results[index].FileId is not null)
            throw new DossierRefusedException(RefusalKind.Conflict, $"Kết quả '{code}' đã có tệp.");
        _results[index] = _results[index] with { FileId = fileId };
    }
}
