using OneStop.Domain.Dossiers;

namespace OneStop.Domain.Packages;

/// <summary>
/// A package's status, derived from its members' (DESIGN §4.2), in the statuses of §5 so that readers and the
/// national portal's codes need nothing new. A waiting member counts as not yet submitted; a cancelled one as stopped.
/// </summary>
public static class PackageStatus
{
    /// <param name="members">Each member's dossier status; null for a member still waiting to start.</param>
    public static DossierStatus Derive(IReadOnlyList<DossierStatus?> members)
    {
        if (members.Count == 0)
            throw new ArgumentException("A package has members.", nameof(members));
        if (members.All(s => s is { } status && !status.IsOpen()))
        {
            // Everything has ended: it was worth it if at least one result was handed over.
            if (members.Any(s => s == DossierStatus.Returned))
                return DossierStatus.Returned;
            return members.All(s => s == DossierStatus.NotAccepted) ? DossierStatus.NotAccepted : DossierStatus.Stopped;
        }
        // The applicant's move or the fee comes first: that is what the package waits for.
        foreach (var waitingOnApplicant in new[] { DossierStatus.WithdrawalRequested, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment })
            if (members.Contains(waitingOnApplicant))
                return waitingOnApplicant;
        var open = members.Where(s => s is null || s.Value.IsOpen()).ToList();
        if (open.All(s => s == DossierStatus.Resolved))
            return DossierStatus.Resolved;
        if (members.All(s => s is null or DossierStatus.Submitted or DossierStatus.Received))
            return members.Contains(DossierStatus.Received) ? DossierStatus.Received : DossierStatus.Submitted;
        return DossierStatus.InProgress;
    }
}
