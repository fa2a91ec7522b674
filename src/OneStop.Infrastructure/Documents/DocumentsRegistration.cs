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
    /// <summary>File storage under the data folder, the result signer, result issuing and the upload clean-up.</summary>
    public static IServiceCollection AddOneStopDocuments(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.Configure<FileStorageOptions>(configuration.GetSection(FileStorageOptions.Section));
        services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(dataDirectory, "files")));
        services.AddSingleton(provider => ResultSigner.Load(
            configuration["OneStop:Signing:CertificatePath"], configuration["OneStop:Signing:CertificatePassword"], dataDirectory,
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger<ResultSigner>()));
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
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
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
