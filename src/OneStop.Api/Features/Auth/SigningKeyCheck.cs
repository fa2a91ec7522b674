using OneStop.Infrastructure;

namespace OneStop.Api.Features.Auth;

/// <summary>
/// Warns at start-up when a shared database (not the embedded SQLite) runs with a signing key generated
/// into this node's data folder: behind a load balancer every node must sign and validate with the same
/// <c>Jwt:SigningKey</c>, or tokens issued by one node are refused by the others.
/// </summary>
public sealed class SigningKeyCheck(JwtSettings jwt, DatabaseSettings database, ILogger<SigningKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.IsEmbedded && jwt.GeneratedKeyFile is not null)
            logger.LogWarning(
                "Jwt:SigningKey is not configured; using a key generated in {KeyFile}. With Database:Provider {Provider} every node " +
                "must share one key: set Jwt__SigningKey (base64, at least 32 bytes) on all nodes", jwt.GeneratedKeyFile, database.Provider);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
