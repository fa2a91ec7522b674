namespace OneStop.Infrastructure.NationalServices;

public enum PaymentOrderState
{
    /// <summary>Asked for by <c>request-payment</c>, not yet created at the platform (it was down, or not asked yet).</summary>
    Unsent,
    /// <summary>Created at the platform; waiting for the citizen to pay.</summary>
    Pending,
    /// <summary>Paid, as the platform's signed callback or the reconciliation said.</summary>
    Paid,
}

/// <summary>
/// An online payment order of a dossier's fee at the national payment platform (DESIGN §14), written in the
/// transaction of <c>request-payment</c>; kept with the dossier, receipt included, once paid.
/// </summary>
public sealed class PaymentOrder
{
    public Guid Id { get; init; }
    public Guid DossierId { get; init; }
    public string DossierCode { get; init; } = "";
    /// <summary>Our reference at the platform: one order per reference, so asking twice never makes two.</summary>
    public string MerchantOrderRef { get; init; } = "";
    /// <summary>The dossier's computed fee, in đồng.</summary>
    public decimal Amount { get; init; }
    public PaymentOrderState State { get; set; }
    /// <summary>The platform's order id, once created there.</summary>
    public string? OrderId { get; set; }
    /// <summary>Where the citizen pays.</summary>
    public string? PayUrl { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; set; }
    public DateTime? PaidAt { get; set; }
    /// <summary>The platform's transaction number: the receipt's reference.</summary>
    public string? TransactionNo { get; set; }
    /// <summary><c>callback</c> or <c>reconciliation</c>: how we learnt it was paid.</summary>
    public string? SettledBy { get; set; }
    /// <summary>The platform's confirmation as it came (JSON): the receipt of payment kept with the dossier.</summary>
    public string? Receipt { get; set; }
    public DateTime? LastCheckedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Bumped by every change: a callback and the reconciliation cannot both settle the order.</summary>
    public int Version { get; set; }
}

/// <summary>A payment callback already taken, by the SHA-256 of its signed body: the same callback again is a replay.</summary>
public sealed class PaymentCallbackRecord
{
    public string BodyHash { get; init; } = "";
    public string OrderId { get; init; } = "";
    public DateTime ReceivedAt { get; init; }
}
