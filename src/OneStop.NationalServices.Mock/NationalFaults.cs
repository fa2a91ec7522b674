namespace OneStop.NationalServices.Mock;

/// <summary>The national services the mock plays; a fault setting may name some of them only.</summary>
public static class NationalServiceNames
{
    public const string Vneid = "vneid";
    public const string Population = "population";
    public const string Business = "business";
    public const string Payment = "payment";
    public static readonly IReadOnlyList<string> All = [Vneid, Population, Business, Payment];
}

/// <summary>How the mock VNeID provider may spoil the ID tokens it issues, to show the relying party refusing them.</summary>
public static class IdTokenDefects
{
    /// <summary>Issued for another client (<c>aud</c>).</summary>
    public const string WrongAudience = "wrong-audience";
    /// <summary>Echoes a nonce the relying party never sent.</summary>
    public const string WrongNonce = "wrong-nonce";
    /// <summary>Signed with a key the provider does not publish.</summary>
    public const string WrongSignature = "wrong-signature";
    /// <summary>Names another issuer (<c>iss</c>).</summary>
    public const string WrongIssuer = "wrong-issuer";
    public static readonly IReadOnlyList<string> All = [WrongAudience, WrongNonce, WrongSignature, WrongIssuer];
}

/// <summary>
/// Faults of the mock national services, set at run time by <c>PUT {prefix}/api/admin/faults</c> like the mock
/// portal's: <see cref="ErrorRate"/> of calls answered 503, <see cref="LatencyMs"/> added to each, or the
/// services <see cref="Down"/> (503) until cleared — all of them, or those <see cref="Services"/> names.
/// <see cref="DropPaymentCallbacks"/> pays orders without telling the merchant (a lost callback);
/// <see cref="IdTokenDefect"/> spoils the next ID tokens (see <see cref="IdTokenDefects"/>).
/// </summary>
public sealed record NationalFaults(
    double ErrorRate = 0, int LatencyMs = 0, bool Down = false, IReadOnlyList<string>? Services = null,
    bool DropPaymentCallbacks = false, string? IdTokenDefect = null)
{
    public static readonly NationalFaults None = new();

    /// <summary>A minute is longer than any client timeout worth testing.</summary>
    public const int MaxLatencyMs = 60_000;

    public bool Strikes(string service) => Services is null || Services.Count == 0 || Services.Contains(service);
}
