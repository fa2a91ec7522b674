using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Api.Features.Me;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Packages;

/// <summary>A paper a member takes from an earlier member's result (<c>papersFrom</c>).</summary>
public sealed record SuppliedPaperResponse(string Code, string FromProcedureId);

/// <summary>
/// One member of a package as its read shows it (DESIGN §4.2): its dossier's code and status once started;
/// <c>Waiting</c> (no status code, not yet a dossier) while it waits for <see cref="WaitingFor"/>; <c>Stopped</c> with
/// <see cref="CancelReason"/> when it will never start.
/// </summary>
public sealed record PackageMemberResponse(
    int Position, string ProcedureId, string ProcedureName, string? Code, string Status, int? StatusCode, string UnitCode,
    string? CurrentUnitCode, StepResponse? CurrentStep, DateTimeOffset? DueDate, DateTimeOffset? SubmittedAt, DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt, IReadOnlyList<string> After, IReadOnlyList<string> WaitingFor, IReadOnlyList<SuppliedPaperResponse> PapersFrom,
    string? CancelReason, string? ExpectedFromYou, IReadOnlyList<string> AvailableActions);

/// <summary>
/// A package dossier (hồ sơ liên thông): its own code, tracking secret (officers and the owner only) and a status
/// derived from its members', with every member listed. Its only action is <c>withdraw</c>; the rest happens on the members.
/// </summary>
public sealed record PackageResponse(
    string Code, string Kind, string ProcedureId, string ProcedureName, int DefinitionVersion, string Status, int StatusCode,
    string ReceivingUnitCode, string Channel, ApplicantResponse Applicant, DateTimeOffset SubmittedAt, DateTimeOffset? WithdrawnAt,
    string? TrackingSecret, IReadOnlyList<string> AvailableActions, IReadOnlyList<PackageMemberResponse> Members, int Version);

public static class PackageReads
{
    public const string WaitingStatus = "Waiting";

    /// <summary>The package and its members' dossiers as <paramref name="actor"/> reads them.</summary>
    public static async Task<PackageResponse> ResponseAsync(
        DossierPackage package, Actor actor, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, bool showSecret,
        CancellationToken ct)
    {
        var members = await MembersAsync(package, actor, db, catalog, contexts, ct);
        var status = PackageStatus.Derive(members.Select(m => m.StatusCode is { } code ? (DossierStatus?)code : m.Status == WaitingStatus ? null : DossierStatus.Stopped).ToList());
        return new PackageResponse(
            package.Code, "package", package.PackageId, package.Name, package.DefinitionVersion, status.ToString(), (int)status,
            package.ReceivingUnitCode, package.Channel.ToString().ToLowerInvariant(),
            new ApplicantResponse(package.Applicant.IdNumber, package.Applicant.FullName, package.Applicant.Type.ToString().ToLowerInvariant(),
                package.Applicant.Phone, package.Applicant.Email, package.Applicant.Address, package.Applicant.Representative),
            package.SubmittedAt.ToVietnam(), package.WithdrawnAt.ToVietnam(), showSecret ? package.TrackingSecret : null,
            CanWithdraw(package, members, actor) ? [DossierActions.Withdraw] : [], members, package.Version);
    }

    /// <summary>Each member in the package's order, a started one as its dossier stands now.</summary>
    public static async Task<IReadOnlyList<PackageMemberResponse>> MembersAsync(
        DossierPackage package, Actor actor, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, CancellationToken ct)
    {
        var (units, deadlines) = await contexts.LoadReferenceDataAsync(ct);
        var now = contexts.UtcNow;
        var result = new List<PackageMemberResponse>();
        var started = new Dictionary<string, Dossier>(StringComparer.Ordinal);
        foreach (var member in package.Members.Where(m => m.DossierCode is not null))
            if (await DossierAccess.LoadAsync(db, member.DossierCode!, tracking: false, ct) is { } dossier)
                started[member.ProcedureId] = dossier;
        foreach (var member in package.Members.OrderBy(m => m.Position))
        {
            var model = await catalog.GetAsync(db, member.ProcedureId, member.DefinitionVersion, ct);
            var name = model?.Name ?? member.ProcedureId;
            var supplied = member.PapersFrom.Select(p => new SuppliedPaperResponse(p.Key, p.Value)).ToList();
            var waitingFor = member.State == MemberState.Waiting
                ? member.After.Where(a => !started.TryGetValue(a, out var before) || before.Status is not (DossierStatus.Resolved or DossierStatus.Returned)).ToList()
                : [];
            if (started.TryGetValue(member.ProcedureId, out var dossier) && model is not null)
            {
                var context = new DossierContext(model, units, deadlines, actor, now);
                var step = model.Step(dossier.CurrentStepId);
                result.Add(new PackageMemberResponse(member.Position, member.ProcedureId, name, dossier.Code, dossier.Status.ToString(), (int)dossier.Status,
                    member.UnitCode, dossier.CurrentUnitCode,
                    new StepResponse(dossier.CurrentStepId, step?.Name ?? dossier.CurrentStepId, step?.Kind ?? "", step?.Role ?? "", step?.Claimable ?? false),
                    dossier.DueDate.ToVietnam(), dossier.SubmittedAt.ToVietnam(), dossier.ResolvedAt.ToVietnam(), dossier.ReturnedAt.ToVietnam(),
                    member.After, [], supplied, null, ListMyDossiers.ExpectedFromApplicant(dossier), dossier.AvailableActions(context)));
                continue;
            }
            var cancelled = member.State == MemberState.Cancelled;
            result.Add(new PackageMemberResponse(member.Position, member.ProcedureId, name, member.DossierCode,
                cancelled ? nameof(DossierStatus.Stopped) : WaitingStatus, cancelled ? (int)DossierStatus.Stopped : null, member.UnitCode,
                null, null, null, null, null, null, member.After, waitingFor, supplied, member.CancelReason,
                cancelled ? null : "Chờ có kết quả của thủ tục trước; hồ sơ này tự bắt đầu, không cần nộp thêm.", []));
        }
        return result;
    }

    /// <summary>Withdrawing makes sense while some member has not reached a result and will not start on its own accord to one.</summary>
    private static bool CanWithdraw(DossierPackage package, IReadOnlyList<PackageMemberResponse> members, Actor actor) =>
        package.WithdrawnAt is null && package.MayWithdraw(actor)
        && members.Any(m => m.Status == WaitingStatus || m.StatusCode is { } code && ((DossierStatus)code).IsOpen()
            && (DossierStatus)code is not (DossierStatus.Resolved or DossierStatus.WithdrawalRequested));
}
