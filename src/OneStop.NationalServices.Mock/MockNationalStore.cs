using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.NationalServices.Mock;

/// <summary>An authorization code waiting for its exchange, bound to what the authorize request said.</summary>
public sealed record PendingCode(
    string Code, VneidIdentity Identity, string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset ExpiresAt);

public enum MockOrderStatus
{
    Pending,
    Paid,
}

/// <summary>A payment order at the mock platform.</summary>
public sealed record MockPaymentOrder(
    string OrderId, string MerchantOrderRef, long Amount, string Description, string CallbackUrl, DateTimeOffset CreatedAt,
    MockOrderStatus Status = MockOrderStatus.Pending, string? TransactionNo = null, DateTimeOffset? PaidAt = null);

/// <summary>
/// The mock national services' state: faults, VNeID's signing key and pending codes, the payment platform's
/// orders. In memory only — it is a test double; a restarted mock starts empty (its signing key too, so the
/// relying party fetches the new key from the JWKS, as with a real key rotation).
/// </summary>
public sealed class MockNationalStore(IOptions<MockNationalOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MockPaymentOrder> _orders = new(StringComparer.Ordinal);
    private NationalFaults _faults = NationalFaults.None;
    private int _transactions;

    /// <summary>The key VNeID signs ID tokens with, published in its JWKS.</summary>
    public RsaSecurityKey SigningKey { get; } = NewKey("vneid-mock-1");

    /// <summary>A key nobody publishes: what <see cref="IdTokenDefects.WrongSignature"/> signs with.</summary>
    public RsaSecurityKey ForeignKey { get; } = NewKey("vneid-mock-1");

    public NationalFaults Faults
    {
        get { lock (_gate) return _faults; }
    }

    public void SetFaults(NationalFaults faults)
    {
        lock (_gate) _faults = faults;
    }

    /// <summary>Whether this call to <paramref name="service"/> fails, and how long it waits first.</summary>
    public (TimeSpan Delay, bool Fails) Draw(string service)
    {
        lock (_gate)
        {
            if (!_faults.Strikes(service))
                return (TimeSpan.Zero, false);
            var fails = _faults.Down || _faults.ErrorRate > 0 && _random.NextDouble() < _faults.ErrorRate;
            return (TimeSpan.FromMilliseconds(_faults.LatencyMs), fails);
        }
    }

    public string IssueCode(VneidIdentity identity, string clientId, string redirectUri, string codeChallenge, string? nonce)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var lifetime = TimeSpan.FromSeconds(options.Value.Vneid.CodeLifetimeSeconds);
        _codes[code] = new PendingCode(code, identity, clientId, redirectUri, codeChallenge, nonce, clock.GetUtcNow() + lifetime);
        return code;
    }

    /// <summary>Takes a code once: a second exchange of the same code finds nothing (RFC 6749 §4.1.2).</summary>
    public PendingCode? RedeemCode(string code) =>
        _codes.TryRemove(code, out var pending) && pending.ExpiresAt > clock.GetUtcNow() ? pending : null;

    /// <summary>One order per merchant reference: asking again for the same reference returns the same order.</summary>
    public (MockPaymentOrder Order, bool Created) CreateOrder(string merchantOrderRef, long amount, string description, string callbackUrl)
    {
        lock (_gate)
        {
            var existing = _orders.Values.FirstOrDefault(o => o.MerchantOrderRef == merchantOrderRef);
            if (existing is not null)
                return (existing, false);
            var order = new MockPaymentOrder("PG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), merchantOrderRef, amount,
                description, callbackUrl, clock.GetUtcNow());
            _orders[order.OrderId] = order;
            return (order, true);
        }
    }

    public MockPaymentOrder? FindOrder(string orderId)
    {
        lock (_gate) return _orders.GetValueOrDefault(orderId);
    }

    /// <summary>Marks an order paid once; paying again returns it as it is.</summary>
    public MockPaymentOrder? Pay(string orderId)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
                return null;
            if (order.Status == MockOrderStatus.Paid)
                return order;
            var paid = order with
            {
                Status = MockOrderStatus.Paid,
                TransactionNo = $"GD{clock.GetUtcNow():yyyyMMdd}{++_transactions:D6}",
                PaidAt = clock.GetUtcNow(),
            };
            _orders[orderId] = paid;
            return paid;
        }
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };
}
