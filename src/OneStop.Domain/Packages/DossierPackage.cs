using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;

namespace OneStop.Domain.Packages;

/// <summary>What submission fixed for one member: where it runs, on which version, with what the applicant gave.</summary>
public sealed record MemberPlan(
    PackageMember Member, int DefinitionVersion, string UnitCode, IReadOnlyList<DocumentSubmission> Documents, string? FormJson);

/// <summary>
/// A package dossier (hồ sơ liên thông, DESIGN §4.2): one submission of several procedures. It has its own code and
/// tracking secret, its members' dossiers do the work; its status is derived from theirs (<see cref="PackageStatus"/>).
/// It decides which members start when (all they wait for resolved), which never will (one they wait for ended
/// without a result), and what withdrawing it means for each.
/// </summary>
public sealed class DossierPackage
{
    private readonly List<PackageMemberDossier> _members = [];

    private DossierPackage() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string TrackingSecret { get; private set; } = "";
    /// <summary>The package definition's id (e.g. <c>lien-thong.khai-sinh-thuong-tru-bhyt</c>) and version.</summary>
    public string PackageId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public string Name { get; private set; } = "";
    public string ReceivingUnitCode { get; private set; } = "";
    public Channel Channel { get; private set; }
    public Applicant Applicant { get; private set; } = null!;
    public string? OwnerUserName { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    /// <summary>Optimistic concurrency token: bumped whenever a member starts or is cancelled, or the package is withdrawn.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PackageMemberDossier> Members => _members;

    public static DossierPackage Submit(
        WorkflowDefinition package, string code, string trackingSecret, Applicant applicant, Channel channel, string receivingUnitCode,
        string? ownerUserName, DateTime utcNow, IReadOnlyList<MemberPlan> plans)
    {
        if (!package.IsPackage)
            throw new ArgumentException($"'{package.Id}' is not a package.", nameof(package));
        var created = new DossierPackage
        {
            Id = Guid.CreateVersion7(utcNow),
            Code = code,
            TrackingSecret = trackingSecret,
            PackageId = package.Id,
            DefinitionVersion = package.Version,
            Name = package.Name,
            ReceivingUnitCode = receivingUnitCode,
            Channel = channel,
            Applicant = applicant,
            OwnerUserName = ownerUserName,
            SubmittedAt = utcNow,
            Version = 1,
        };
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            created._members.Add(new PackageMemberDossier(i, plan.Member.ProcedureId, plan.DefinitionVersion, plan.UnitCode,
                plan.Member.Predecessors, plan.Member.SuppliedPapers, plan.Documents, plan.FormJson));
        }
        return created;
    }

    public PackageMemberDossier? Member(string procedureId) => _members.FirstOrDefault(m => m.ProcedureId == procedureId);

    /// <summary>
    /// The waiting members that may start now: every member each waits for has a result (Resolved or already
    /// Returned). <paramref name="statusOf"/> gives the status of a started member's dossier.
    /// </summary>
    public IReadOnlyList<PackageMemberDossier> ReadyToStart(Func<PackageMemberDossier, DossierStatus?> statusOf) =>
        _members.Where(m => m.State == MemberState.Waiting && m.After.All(id => Member(id) is { State: MemberState.Started } before
            && statusOf(before) is DossierStatus.Resolved or DossierStatus.Returned)).ToList();

    public void MarkStarted(PackageMemberDossier member, string dossierCode, DateTime utcNow)
    {
        if (member.State != MemberState.Waiting)
            throw new InvalidOperationException($"Member {member.ProcedureId} of {Code} is {member.State}, not waiting.");
        member.Start(dossierCode, utcNow);
        Version++;
    }

    /// <summary>
    /// A member ended without a result (refused at reception, stopped): every member that waits for it, directly or
    /// through another, never starts, and says why. Returns the members cancelled now.
    /// </summary>
    public IReadOnlyList<PackageMemberDossier> CancelWaitingOn(string procedureId, string procedureName, DossierStatus how, DateTime utcNow)
    {
        var ended = how == DossierStatus.NotAccepted ? "bị từ chối tiếp nhận" : "bị dừng giải quyết";
        var cancelled = new List<PackageMemberDossier>();
        foreach (var member in Dependents(procedureId).Where(m => m.State == MemberState.Waiting))
        {
            member.Cancel($"Không thực hiện được vì thủ tục '{procedureName}' (hồ sơ {Member(procedureId)?.DossierCode}) {ended}, " +
                "nên không có kết quả mà thủ tục này cần.", utcNow);
            cancelled.Add(member);
        }
        if (cancelled.Count > 0)
            Version++;
        return cancelled;
    }

    /// <summary>
    /// A member's predecessors are resolved but one of them issued no <paramref name="paper"/> for it (a refusal notice
    /// instead of the certificate, say): it can never start; say so.
    /// </summary>
    public void CancelForMissingResult(PackageMemberDossier member, string paper, string sourceDossierCode, DateTime utcNow)
    {
        if (member.State != MemberState.Waiting)
            throw new InvalidOperationException($"Member {member.ProcedureId} of {Code} is {member.State}, not waiting.");
        member.Cancel($"Không thực hiện được vì hồ sơ {sourceDossierCode} đã giải quyết nhưng không có kết quả '{paper}' mà thủ tục này cần.", utcNow);
        Version++;
    }

    /// <summary>Whether <paramref name="actor"/> may withdraw the package: its owner, or the counter of the unit that received it.</summary>
    public bool MayWithdraw(Actor actor) => IsOwner(actor) || actor.IsOfficerAt(RoleNames.Reception, ReceivingUnitCode);

    /// <summary>
    /// The applicant withdraws the package: members still waiting never start; the started ones not yet resolved are
    /// to be withdrawn (returned, for the caller to act on each). Resolved and returned members keep their results.
    /// </summary>
    public IReadOnlyList<PackageMemberDossier> Withdraw(DateTime utcNow)
    {
        if (WithdrawnAt is not null)
            throw new DossierRefusedException(RefusalKind.Conflict, $"Hồ sơ liên thông '{Code}' đã được rút.");
        // The applicant's own words stay in the members' withdraw events; this line is read by anyone tracking the package.
        foreach (var waiting in _members.Where(m => m.State == MemberState.Waiting))
            waiting.Cancel("Người nộp đã rút hồ sơ liên thông, nên thủ tục này không thực hiện.", utcNow);
        WithdrawnAt = utcNow;
        Version++;
        return _members.Where(m => m.State == MemberState.Started).ToList();
    }

    /// <summary>The applicant's own account: the citizen who submitted, or the person the package is for.</summary>
    public bool IsOwner(Actor actor) =>
        actor.Has(RoleNames.Citizen) &&
        (OwnerUserName is not null && OwnerUserName == actor.UserName || actor.PersonalId is not null && actor.PersonalId == Applicant.IdNumber);

    /// <summary>Every member waiting for <paramref name="procedureId"/>, directly or through another member.</summary>
    private IEnumerable<PackageMemberDossier> Dependents(string procedureId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([procedureId]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            foreach (var member in _members.Where(m => m.After.Contains(current) && found.Add(m.ProcedureId)))
                pending.Enqueue(member.ProcedureId);
        }
        return _members.Where(m => found.Contains(m.ProcedureId));
    }
}
