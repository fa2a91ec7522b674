using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>What an action asks the history line to say beyond the defaults.</summary>
internal readonly record struct Recorded(string? Comment = null, string? UnitCode = null, string? Details = null);

/// <summary>
/// One action of DESIGN §5: its check (who, where, when — answered without the request, so the same check
/// gives <c>availableActions</c>) and its effect. <see cref="Dossier.Act"/> runs the check, the effect, then
/// records one history event; an effect validates its request before it changes anything.
/// </summary>
public abstract class DossierAction
{
    private static readonly DossierAction[] Registered =
    [
        new Receive(), new Refuse(), new RequestSupplement(), new Supplement(), new Forward(), new Return(),
        new RequestPayment(), new ConfirmPayment(), new Approve(), new Apologize(), new Withdraw(), new Stop(),
        new Resolve(), new ReturnResult(), new Decline(), new Claim(), new Release(), new Assign(), new AnswerConsultation(), new Elapse(),
    ];

    private static readonly Dictionary<string, DossierAction> ByName = Registered.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The actions a caller may see in <c>availableActions</c> (all but the system's own).</summary>
    internal static IReadOnlyList<DossierAction> Requestable { get; } = Registered.Where(a => a is not Elapse).ToList();

    internal static DossierAction? Find(string name) => ByName.GetValueOrDefault(name);

    public abstract string Name { get; }

    /// <summary>
    /// Officer work at the current step; on a claimable step only the officer holding the work may do it.
    /// Lifecycle actions (apologize, stop, withdraw…) and the claim actions themselves are not.
    /// </summary>
    internal virtual bool IsStepWork => false;

    /// <summary>Null when the action is allowed now; otherwise why not.</summary>
    internal abstract DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context);

    internal abstract Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context);

    protected static readonly DossierStatus[] Processing = [DossierStatus.Received, DossierStatus.InProgress];

    protected static bool IsProcessing(Dossier dossier) => Processing.Contains(dossier.Status);

    protected static DossierRefusedException Conflict(string message) => new(RefusalKind.Conflict, message);

    protected DossierRefusedException WrongStatus(Dossier dossier) =>
        Conflict($"Không thể '{Name}' khi hồ sơ đang ở trạng thái {dossier.Status}.");

    protected DossierRefusedException NotAtThisStep(StepModel step) =>
        Conflict($"Bước '{step.Name}' ({step.Id}) không cho phép thao tác '{Name}'.");

    protected static DossierRefusedException NotYours(string who) =>
        new(RefusalKind.Forbidden, $"Chỉ {who} được thực hiện thao tác này.");

    protected static DossierRefusedException? NotStepOfficer(StepModel step, Dossier dossier, DossierContext context) =>
        context.Actor.IsOfficerAt(step.Role, dossier.CurrentUnitCode) ? null
        : NotYours(RoleNames.Describe(step.Role ?? "") + " của đơn vị đang xử lý");

    protected static bool IsUnitOfficer(Dossier dossier, Actor actor, string role) =>
        actor.IsOfficerAt(role, dossier.CurrentUnitCode) || actor.IsOfficerAt(role, dossier.ReceivingUnitCode);

    protected static void RequireComment(string? comment, string message)
    {
        if (comment is null)
            throw new DossierRefusedException(RefusalKind.Invalid, message, "comment");
    }
}
