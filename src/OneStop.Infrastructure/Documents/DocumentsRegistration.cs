using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Signing;
using OneStop.Infrastructure.Storage;

namespace OneStop.Infrastructure.Documents;

public static class DocumentsRegistration
{
    /// <summary>File storage (data folder or database), the result signer, result issuing and the upload clean-up.</summary>
    public static IServiceCollection AddOneStopDocuments(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.Configure<FileStorageOptions>(configuration.GetSection(FileStorageOptions.Section));
        var storage = configuration[StorageProviders.Key] ?? StorageProviders.FileSystem;
        if (storage.Equals(StorageProviders.Database, StringComparison.OrdinalIgnoreCase))
            services.AddScoped<IFileStore, DatabaseFileStore>(); // works in its caller's transaction: see the class
        else if (storage.Equals(StorageProviders.FileSystem, StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(dataDirectory, "files")));
        else
            throw new InvalidOperationException(
                $"{StorageProviders.Key} '{storage}' không hợp lệ; dùng '{StorageProviders.FileSystem}' hoặc '{StorageProviders.Database}'.");
        services.AddSingleton<ResultSigner>();
        services.AddHostedService<SigningCertificateStartup>();
        services.AddSingleton<IResultDocumentRenderer, ResultDocumentRenderer>();
        services.AddScoped<ResultIssuer>();
        services.AddScoped<UnreferencedFilesCleanupJob>();
        services.AddHostedService<UnreferencedFilesCleanupService>();
        return services;
    }
}

/// <summary>Runs <see cref="UnreferencedFilesCleanupJob"/> every <c>OneStop:Files:CleanupInterval</c> on this node (the job is safe on several nodes).</summary>
public sealed class UnreferencedFilesCleanupService(
    IServiceScopeFactory scopes, IOptions<FileStorageOptions> options, TimeProvider clock, ILogger<UnreferencedFilesCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CleanupInterval <= TimeSpan.Zero)
            return;
        // One wait per round rather than a PeriodicTimer, which owes every interval a clock jump skipped (the tests'
        // fake clock moves days ahead at once): the clean-up runs once after the jump, not once per hour skipped.
        while (true)
        {
            await Task.Delay(options.Value.CleanupInterval, clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<UnreferencedFilesCleanupJob>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Cleaning up unreferenced uploads failed; trying again next hour");
            }
        }
    }
}
