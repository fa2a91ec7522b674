using OneStop.Domain.Dossiers.Actions;

namespace OneStop.Domain.Dossiers;

public sealed partial class Dossier
{
    /// <summary>Whether withdrawing this member's package asks this dossier to be withdrawn: it is open and has no result yet.</summary>
    public bool WithdrawsWithPackage => Status.IsOpen() && Status is not (DossierStatus.Resolved or DossierStatus.WithdrawalRequested);

    /// <summary>
    /// The applicant withdrew the package this dossier belongs to (DESIGN §4.2): a member not yet resolved is asked to
    /// be withdrawn, exactly as its own <c>withdraw</c> does (the unit then stops it). Who may withdraw was checked for
    /// the package — its owner, or the counter that received it — so the member's own unit need not be the caller's.
    /// </summary>
    public void WithdrawWithPackage(DossierContext context, string comment)
    {
        if (PackageCode is null)
            throw new DossierRefusedException(RefusalKind.Conflict, $"Hồ sơ '{Code}' không thuộc gói liên thông nào.");
        if (!WithdrawsWithPackage)
            throw new DossierRefusedException(RefusalKind.Conflict, $"Hồ sơ '{Code}' đang ở trạng thái {Status}; không rút được.");
        var fromStatus = Status;
        var fromStep = CurrentStepId;
        DossierAction.Find(DossierActions.Withdraw)!.Apply(this, new ActionRequest(comment), context);
        Record(context, DossierActions.Withdraw, fromStatus, fromStep, comment);
    }
}
