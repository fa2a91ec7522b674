using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Tests.Documents;

/// <summary>Uploads nobody used are deleted after the grace period (24 h); used ones stay.</summary>
public sealed class UploadCleanupTests : IDisposable
{
    private readonly OneStopFactory factory = new();
    // Without its schedule, so the test alone decides when the job runs.
    private readonly OneStopFactory unscheduled = OneStopFactory.With(("OneStop:Files:CleanupInterval", "00:00:00"));

    public void Dispose()
    {
        factory.Dispose();
        unscheduled.Dispose();
    }

    private async Task<int> RunJobAsync()
    {
        using var scope = unscheduled.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UnreferencedFilesCleanupJob>().RunAsync(CancellationToken.None);
    }

    // The host the job runs in, which stored the upload: its store, whichever provider it is.
    private async Task<bool> BlobExistsAsync(string sha)
    {
        using var scope = unscheduled.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IFileStore>().ExistsAsync(sha, CancellationToken.None);
    }

    [Fact]
    public async Task An_unused_upload_is_deleted_after_the_grace_period_and_a_used_one_is_kept()
    {
        var citizen = await unscheduled.SignInAsync("congdan");
        var abandoned = await citizen.UploadAsync(DocumentSamples.Pdf("bo do"), "bo-do.pdf");
        var used = await citizen.UploadAsync(DocumentSamples.Pdf("to khai"), "to-khai.pdf");
        var gcs = await citizen.UploadAsync(DocumentSamples.Pdf("giay chung sinh"), "gcs.pdf");
        await citizen.SubmitAsync(new
        {
            procedureId = "ho-tich.dang-ky-khai-sinh",
            applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
            channel = "online",
            receivingUnitCode = Demo.Commune,
            documents = new object[] { new { code = "TKKS", fileId = used }, new { code = "GCS", fileId = gcs } },
        });
        var abandonedSha = await unscheduled.QueryAsync(db => db.Files.Where(f => f.Id == abandoned).Select(f => f.Sha256).SingleAsync());
        Assert.True(await BlobExistsAsync(abandonedSha));

        Assert.Equal(0, await RunJobAsync()); // still within the grace period
        unscheduled.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await RunJobAsync());

        var remaining = await unscheduled.QueryAsync(db => db.Files.Select(f => f.Id).ToListAsync());
        Assert.DoesNotContain(abandoned, remaining);
        Assert.Contains(used, remaining);
        Assert.Contains(gcs, remaining);
        Assert.False(await BlobExistsAsync(abandonedSha));
        Assert.Equal(0, await RunJobAsync()); // running again is harmless
    }

    [Fact]
    public async Task The_hourly_service_runs_the_clean_up_by_itself()
    {
        var citizen = await factory.SignInAsync("congdan");
        var abandoned = await citizen.UploadAsync(DocumentSamples.Pdf("bo do"), "bo-do.pdf");

        factory.Clock.Advance(TimeSpan.FromHours(25));

        // The service's timer runs on the injected clock; give its background run a moment to finish.
        for (var i = 0; i < 50 && await factory.QueryAsync(db => db.Files.AnyAsync(f => f.Id == abandoned)); i++)
            await Task.Delay(100);
        Assert.False(await factory.QueryAsync(db => db.Files.AnyAsync(f => f.Id == abandoned)));
    }
}
