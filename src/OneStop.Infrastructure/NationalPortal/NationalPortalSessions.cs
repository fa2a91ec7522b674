using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// The node's DVCQG session: one sign-in shared by every delivery on the node, used for
/// <see cref="NationalPortalOptions.SessionLifetime"/> and dropped at once when the portal says it has
/// expired. Concurrent deliveries that find no session wait for one sign-in instead of each making their own.
/// </summary>
public sealed class NationalPortalSessions(TimeProvider clock, IOptionsMonitor<NationalPortalOptions> options)
{
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private Session? _current;
    private int _signIns;

    /// <summary>Successful sign-ins on this node so far.</summary>
    public int SignIns => Volatile.Read(ref _signIns);

    /// <summary>The current session, signing in with <paramref name="signIn"/> when there is none or it is too old.</summary>
    public async Task<(string? Session, string? Error)> GetAsync(Func<CancellationToken, Task<(string? Session, string? Error)>> signIn, CancellationToken ct)
    {
        if (Valid() is { } session)
            return (session, null);
        await _signingIn.WaitAsync(ct);
        try
        {
            if (Valid() is { } fresh)
                return (fresh, null);
            var (token, error) = await signIn(ct);
            if (token is not null)
            {
                Volatile.Write(ref _current, new Session(token, clock.GetUtcNow() + options.CurrentValue.SessionLifetime));
                Interlocked.Increment(ref _signIns);
            }
            return (token, error);
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <summary>Forgets <paramref name="session"/> (the portal refused it); a newer one another delivery got stays.</summary>
    public void Invalidate(string session)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Token == session)
            Interlocked.CompareExchange(ref _current, null, current);
    }

    private string? Valid() => Volatile.Read(ref _current) is { } current && clock.GetUtcNow() < current.Until ? current.Token : null;

    private sealed record Session(string Token, DateTimeOffset Until);
}
