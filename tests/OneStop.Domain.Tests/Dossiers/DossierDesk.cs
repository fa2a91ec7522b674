using OneStop.Domain;
using OneStop.Domain.Calendar;
using OneStop.Domain.Codes;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Vietnam wall-clock times, stored as the UTC instants the domain works in.</summary>
internal static class VietnamTime
{
    /// <summary>A moment as a clerk reads it off the wall clock (UTC+07:00), returned in UTC.</summary>
    public static DateTime Vn(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).UtcDateTime;

    /// <summary>The same, as the offset value that <see cref="ActionRequest.NewDueDate"/> takes.</summary>
    public static DateTimeOffset VnOffset(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}

/// <summary>Province 60 → district 593 → commune 22918, with their DVCQG agency codes.</summary>
internal static class TestUnits
{
    public const string Province = "60";
    public const string District = "593";
    public const string Commune = "22918";

    public static readonly UnitTree Tree = new(
    [
        new UnitInfo(Province, "Tỉnh Bình Thuận", Levels.Province, null, "000.00.00.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo(District, "Thành phố Phan Thiết", Levels.District, Province, "000.00.17.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo(Commune, "Phường Mũi Né", Levels.Commune, District, "000.17.22.H56", new DateOnly(2000, 1, 1)),
        new UnitInfo(BuildingDepartment, "Sở Xây dựng", Levels.Province, Province, "000.00.06.H56", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
        new UnitInfo(FirePolice, "Phòng Cảnh sát PCCC", Levels.Province, Province, "000.00.48.H56", new DateOnly(2000, 1, 1), Kind: UnitKinds.Agency),
    ]);

    public const string BuildingDepartment = "60.SXD";
    public const string FirePolice = "60.PCCC";
}

/// <summary>The people who act on dossiers: one officer per role and unit, and citizens by personal ID.</summary>
internal static class People
{
    public const string ApplicantId = "060195000123";

    public static Actor Reception(string unit = TestUnits.Commune) => Officer(RoleNames.Reception, unit);

    public static Actor Specialist(string unit = TestUnits.Commune) => Officer(RoleNames.Specialist, unit);

    public static Actor Leader(string unit = TestUnits.Commune) => Officer(RoleNames.Leader, unit);

    public static Actor Officer(string role, string unit) => new($"{role}.{unit}", new HashSet<string> { role }, unit);

    /// <summary>The applicant's own citizen account.</summary>
    public static Actor Applicant() => new("cong-dan.an", new HashSet<string> { RoleNames.Citizen }, null, ApplicantId);

    /// <summary>A citizen who has nothing to do with the dossier.</summary>
    public static Actor Stranger() => new("cong-dan.binh", new HashSet<string> { RoleNames.Citizen }, null, "079200000456");

    public static Applicant Person() => new(ApplicantId, "Nguyễn Văn An");
}

/// <summary>The definitions the dossier tests run on.</summary>
internal static class TestDefinitions
{
    /// <summary>The birth-registration example of DESIGN §4, verbatim.</summary>
    public const string BirthRegistrationJson = """
        {
          "id": "ho-tich.dang-ky-khai-sinh",
          "version": 1,
          "name": "Đăng ký khai sinh",
          "procedureCode": "1.001193",
          "field": "Hộ tịch",
          "level": "commune",
          "onlineLevel": "full",
          "processingTime": { "workingDays": 1 },
          "fee": { "amount": 0, "currency": "VND" },
          "documents": [
            { "code": "TKKS", "name": "Tờ khai đăng ký khai sinh", "required": true },
            { "code": "GCS", "name": "Giấy chứng sinh", "required": true, "reusable": true }
          ],
          "result": { "code": "GKS", "name": "Giấy khai sinh", "signed": true, "storeInRepository": true },
          "steps": [
            { "id": "tiep-nhan", "name": "Tiếp nhận", "kind": "reception", "role": "reception", "unit": "receiving",
              "transitions": [ { "action": "receive", "to": "tham-dinh" } ] },
            { "id": "tham-dinh", "name": "Thẩm định", "kind": "task", "role": "specialist", "unit": "receiving",
              "duration": { "workingHours": 4 },
              "transitions": [ { "action": "forward", "to": "phe-duyet" } ] },
            { "id": "phe-duyet", "name": "Phê duyệt", "kind": "approval", "role": "leader", "unit": "receiving",
              "transitions": [ { "action": "approve", "to": "tra-ket-qua" }, { "action": "return", "to": "tham-dinh" } ] },
            { "id": "tra-ket-qua", "name": "Trả kết quả", "kind": "result", "role": "reception", "unit": "receiving" }
          ]
        }
        """;

    /// <summary>
    /// 1 working day = 450 minutes: thẩm định has 240, and phê duyệt and trả kết quả share the other 210
    /// (105 each).
    /// </summary>
    public static readonly WorkflowDefinition BirthRegistration = Valid(WorkflowDefinition.Parse(BirthRegistrationJson));

    /// <summary>
    /// Birth registration with a fee step: reception routes to <c>thu-phi</c> when the fee is positive and
    /// straight to thẩm định when it is nil. Thẩm định keeps 240 minutes; thu phí, phê duyệt and trả kết
    /// quả share the other 210 (70 each).
    /// </summary>
    public static WorkflowDefinition WithFee(decimal amount) => Valid(BirthRegistration with
    {
        Fee = new Fee { Amount = amount, Currency = "VND" },
        Steps =
        [
            BirthRegistration.Steps[0] with
            {
                Transitions =
                [
                    new TransitionDefinition { Action = "receive", To = "thu-phi", When = "fee.amount > 0" },
                    new TransitionDefinition { Action = "receive", To = "tham-dinh", When = "fee.amount == 0" },
                ],
            },
            new StepDefinition
            {
                Id = "thu-phi", Name = "Thu phí", Kind = StepKinds.Payment, Role = RoleNames.Reception, Unit = StepUnits.Receiving,
                Transitions = [new TransitionDefinition { Action = "confirm-payment", To = "tham-dinh" }],
            },
            .. BirthRegistration.Steps.Skip(1),
        ],
    });

    /// <summary>Received and appraised at the commune, decided by the district leader, returned at the commune.</summary>
    public static readonly WorkflowDefinition CrossLevel = Valid(BirthRegistration with
    {
        Id = "thu-nghiem.lien-thong-huyen",
        Steps =
        [
            BirthRegistration.Steps[0],
            BirthRegistration.Steps[1] with { Transitions = [new TransitionDefinition { Action = "forward", To = "quyet-dinh-huyen" }] },
            new StepDefinition
            {
                Id = "quyet-dinh-huyen", Name = "Quyết định (cấp huyện)", Kind = StepKinds.Approval, Role = RoleNames.Leader, Unit = Levels.District,
                Transitions =
                [
                    new TransitionDefinition { Action = "approve", To = "tra-ket-qua" },
                    new TransitionDefinition { Action = "return", To = "tham-dinh" },
                ],
            },
            BirthRegistration.Steps[3],
        ],
    });

    /// <summary>The tests' own definitions must pass the publish validator, or they would test nonsense.</summary>
    private static WorkflowDefinition Valid(WorkflowDefinition definition)
    {
        var errors = DefinitionValidator.Validate(definition, code => TestUnits.Tree.Find(code) is not null);
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Message}")));
        return definition;
    }
}

/// <summary>
/// A one-stop desk for one definition: builds the <see cref="DossierContext"/> for an actor at a Vietnam
/// time, over the repository's calendar file and the test unit tree.
/// </summary>
internal sealed class DossierDesk(WorkflowDefinition definition)
{
    private static readonly Lazy<WorkingCalendar> Calendar = new(() =>
        WorkingCalendar.LoadJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendar", "vietnam-holidays.json"))));

    private int _sequence;

    public ProcedureModel Model { get; } = ProcedureModel.Compile(definition);

    public DeadlineCalculator Deadlines { get; } = new(Calendar.Value, OfficeHours.Default);

    public WorkflowDefinition Definition => Model.Definition;

    public DossierContext Context(Actor actor, DateTime utcNow) => new(Model, TestUnits.Tree, Deadlines, actor, utcNow);

    /// <summary>Every required paper, by code alone, as seen at the counter.</summary>
    public IReadOnlyList<DocumentSubmission> RequiredPapers() =>
        [.. Definition.Documents.Where(d => d.Required.Always).Select(d => new DocumentSubmission(d.Code))];

    /// <summary>Every required paper with an uploaded file, as an online submission needs.</summary>
    public IReadOnlyList<DocumentSubmission> RequiredUploads() =>
        [.. Definition.Documents.Where(d => d.Required.Always).Select(d => new DocumentSubmission(d.Code, FileId: Guid.NewGuid()))];

    public Dossier Submit(Actor actor, DateTime at, Channel channel = Channel.Counter, string receivingUnit = TestUnits.Commune,
        IReadOnlyList<DocumentSubmission>? papers = null) =>
        Dossier.Submit(Context(actor, at), DossierCodes.Format("000.17.22.H56", DateOnly.FromDateTime(at.AddHours(7)), ++_sequence),
            "ABCD2345", People.Person(), channel, receivingUnit,
            papers ?? (channel == Channel.Online ? RequiredUploads() : RequiredPapers()));

    /// <summary>Submitted at the commune counter and received there at the same moment.</summary>
    public Dossier Received(DateTime at)
    {
        var dossier = Submit(People.Reception(), at);
        Act(dossier, People.Reception(), DossierActions.Receive, at);
        return dossier;
    }

    public void Act(Dossier dossier, Actor actor, string action, DateTime at, ActionRequest? request = null) =>
        dossier.Act(action, request ?? new ActionRequest(), Context(actor, at));

    /// <summary>The action is refused, and the dossier is exactly as it was before.</summary>
    public DossierRefusedException Refused(Dossier dossier, Actor actor, string action, DateTime at, ActionRequest? request = null)
    {
        var before = (dossier.Status, dossier.Version, dossier.Events.Count, dossier.CurrentStepId, dossier.CurrentUnitCode,
            dossier.DueDate, dossier.StepDueDate, dossier.Pauses.Count, dossier.DueDateReset);

        var refusal = Assert.Throws<DossierRefusedException>(() => Act(dossier, actor, action, at, request));

        Assert.Equal(before, (dossier.Status, dossier.Version, dossier.Events.Count, dossier.CurrentStepId, dossier.CurrentUnitCode,
            dossier.DueDate, dossier.StepDueDate, dossier.Pauses.Count, dossier.DueDateReset));
        return refusal;
    }

    /// <summary>Papers handed in at the counter in answer to a supplement request.</summary>
    public static ActionRequest Papers(params string[] codes) =>
        new(Documents: [.. codes.Select(c => new DocumentSubmission(c))]);
}
