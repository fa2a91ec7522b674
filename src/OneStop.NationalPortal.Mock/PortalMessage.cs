using System.Text.Json;

namespace OneStop.NationalPortal.Mock;

/// <summary>The DVCQG services the mock implements; all but sign-in travel as <c>service</c> in the body.</summary>
public static class PortalServices
{
    /// <summary>Insert (<c>isUpdating = "False"</c>) or update of a dossier: status, dates, papers, results.</summary>
    public const string DongBoHoSoMC = "DongBoHoSoMC";

    /// <summary>Processing steps of a dossier, at most <see cref="PortalPayload.MaxProgressPerCall"/> per call.</summary>
    public const string CapNhatTienDoHoSoMC = "CapNhatTienDoHoSoMC";

    /// <summary>Does the portal have this dossier? <c>{ mahoso }</c> → <c>result: [...]</c>, empty when not.</summary>
    public const string TraCuuHoSo = "TraCuuHoSo";

    /// <summary>The national procedure catalogue (share endpoint).</summary>
    public const string LayDanhSachTTHC = "LayDanhSachTTHC";
}

/// <summary>One validated entry of a call's <c>data</c>: its dossier, the status it reports and the entry as sent.</summary>
public sealed record PortalEntry(string MaHoSo, int Status, JsonElement Payload);

/// <summary>
/// A validated DongBoHoSoMC or CapNhatTienDoHoSoMC call. <see cref="FirstSequence"/> is OneStop's per-dossier
/// message number of the first entry (header <c>X-OneStop-Sequence</c>; the entries follow on), or null for a
/// client that sends none — then nothing is checked for order or repetition, as on DVCQG.
/// </summary>
public sealed record PortalCall(string Service, string MaDonVi, string? IsUpdating, int? FirstSequence, IReadOnlyList<PortalEntry> Entries);

/// <summary>An entry the portal accepted, with the envelope it came in and when it arrived.</summary>
public sealed record ReceivedMessage(
    int SoThuTu, string Service, int Status, string? IsUpdating, string MaDonVi, int Call, DateTimeOffset ReceivedAt, JsonElement Payload);

public enum AcceptStatus
{
    /// <summary>Stored (all of it, or what was new of a call that repeated earlier entries).</summary>
    Accepted,
    /// <summary>Every entry was stored before: acknowledged, nothing stored again.</summary>
    Duplicate,
    /// <summary>An earlier message of the dossier has not arrived yet; nothing stored.</summary>
    OutOfOrder,
    /// <summary>An insert for a dossier the portal has.</summary>
    AlreadyExists,
    /// <summary>An update or progress step for a dossier the portal does not have.</summary>
    NotFound,
}

/// <summary>What the store did with a call; <see cref="Expected"/> is the number the dossier needs next.</summary>
public sealed record AcceptOutcome(AcceptStatus Status, int Stored = 0, int Duplicates = 0, int Expected = 0, bool Inserted = false);
