using System.Data.Common;
using System.Net.Sockets;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// Tells "the database is not there right now" (stopped, restarting, unreachable, out of connections) from a real
/// error, whatever the provider: each provider marks such failures <see cref="DbException.IsTransient"/>. The host
/// answers them with 503 and Retry-After instead of 500 — nothing was changed, and the same request may simply be
/// sent again.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException { IsTransient: true } or SocketException or TimeoutException
                || e is DbException && e.InnerException is IOException or SocketException)
                return true;
        return false;
    }
}
