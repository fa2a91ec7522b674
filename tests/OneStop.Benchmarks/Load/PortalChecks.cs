using OneStop.NationalPortal.Mock;

namespace OneStop.Benchmarks.Load;

/// <summary>What the portal must hold of a dossier: shared by the load-and-fault run and the drain.</summary>
internal static class PortalChecks
{
    /// <summary>
    /// The portal holds exactly the dossier's outbox messages, once each and in their order (the mock portal stores an
    /// entry once and counts a repeat apart, so a message sent twice shows in <see cref="MockPortalStore.Totals"/>).
    /// </summary>
    public static string? ExactlyOnceInOrder(string code, IReadOnlyList<(int Sequence, string Service)> sent, IReadOnlyList<ReceivedMessage> received) =>
        received.Select(m => (m.SoThuTu, m.Service)).SequenceEqual(sent)
            ? null
            : $"{code}: the portal holds [{string.Join(", ", received.Select(m => $"{m.SoThuTu}:{m.Service}"))}] but the outbox sent [{string.Join(", ", sent.Select(m => $"{m.Sequence}:{m.Service}"))}]";
}
