namespace OneStop.Domain.Dossiers;

/// <summary>Dossier statuses; the numbers are the national portal's <c>TrangThaiHoSo</c> codes (DESIGN §5).</summary>
public enum DossierStatus
{
    Submitted = 1,
    Received = 2,
    NotAccepted = 3,
    InProgress = 4,
    SupplementRequested = 5,
    AwaitingPayment = 6,
    WithdrawalRequested = 7,
    Stopped = 8,
    Resolved = 9,
    Returned = 10,
}

/// <summary>How the dossier reached the unit; numbers are the portal's <c>KenhThucHien</c>.</summary>
public enum Channel
{
    Counter = 1,
    Online = 2,
    Post = 3,
}

public static class DossierStatusExtensions
{
    /// <summary>Statuses in which the dossier is still open: someone still has to act.</summary>
    public static bool IsOpen(this DossierStatus status) =>
        status is not (DossierStatus.NotAccepted or DossierStatus.Stopped or DossierStatus.Returned);

    /// <summary>Statuses in which the legal clock runs against the unit.</summary>
    public static bool ClockRuns(this DossierStatus status) =>
        status is DossierStatus.Received or DossierStatus.InProgress;
}
