using System.Text.Json;

namespace OneStop.NationalPortal.Mock;

/// <summary>A validated message of one of the two DVCQG services, ready for ordering and deduplication.</summary>
public sealed record PortalMessage(string Service, string MaHoSo, string IdempotencyKey, int SoThuTu, int TrangThaiHoSo, JsonElement Payload);

/// <summary>A message the portal accepted, with the time it arrived.</summary>
public sealed record ReceivedMessage(int SoThuTu, string Service, int TrangThaiHoSo, DateTimeOffset ReceivedAt, string IdempotencyKey, JsonElement Payload);

public enum AcceptStatus
{
    Accepted,
    Duplicate,
    OutOfOrder,
}

/// <summary>
/// What the store did with a message. <see cref="Expected"/> is the SoThuTu the dossier needs next (for
/// <see cref="AcceptStatus.OutOfOrder"/>); <see cref="FirstDossierSync"/> tells a first DongBoHoSoMC (an
/// insert, in DVCQG's words) from a later one (an update).
/// </summary>
public sealed record AcceptOutcome(AcceptStatus Status, int Expected = 0, bool FirstDossierSync = false);

/// <summary>The two DVCQG services the mock implements.</summary>
public static class PortalServices
{
    /// <summary>Upsert of a dossier (status, dates, papers, results).</summary>
    public const string DongBoHoSoMC = "DongBoHoSoMC";

    /// <summary>One processing step of a dossier.</summary>
    public const string CapNhatTienDoHoSoMC = "CapNhatTienDoHoSoMC";
}
