using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Storage;

namespace OneStop.Api.Tests.Documents;

/// <summary>
/// The clean-up against what runs beside it (issue 15): a file a submission took after the clean-up listed it is
/// kept, and bytes a concurrent identical upload is about to name are never left deleted. The interleavings are
/// forced, not hoped for: a store that holds an upload between streaming and storing, and the clean-up's own steps.
/// The same tests run on both storage providers (below): the file system and the database (issue 14).
/// </summary>
public abstract class UploadCleanupRaceTests : IDisposable
{
    private readonly OneStopFactory _factory;
    private readonly Pause _pause = new();
    private readonly WebApplicationFactory<Program> _host;

    protected UploadCleanupRaceTests(string storage)
    {
        _factory = OneStopFactory.With(("OneStop:Files:CleanupInterval", "00:00:00"), (StorageProviders.Key, storage));
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => Register(s, _factory.DataDirectory, _pause)));
    }

    /// <summary>Puts the real store of this provider behind a <see cref="PausingStore"/>.</summary>
    protected abstract void Register(IServiceCollection services, string dataDirectory, Pause pause);

    public void Dispose()
    {
        _host.Dispose();
        _factory.Dispose();
    }

    private async Task<bool> BlobExistsAsync(string sha)
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IFileStore>().ExistsAsync(sha, CancellationToken.None);
    }

    private async Task<HttpClient> CitizenAsync()
    {
        var client = _host.CreateClient();
        var token = await (await client.PostAsync(Routes.Token, System.Net.Http.Json.JsonContent.Create(new { username = "congdan", password = Demo.Password }))).ReadJsonAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));
        return client;
    }

    private async Task<T> WithJobAsync<T>(Func<UnreferencedFilesCleanupJob, Task<T>> run)
    {
        using var scope = _host.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<UnreferencedFilesCleanupJob>());
    }

    private Task<string> ShaOfAsync(Guid id) => Query(db => db.Files.Where(f => f.Id == id).Select(f => f.Sha256).SingleAsync());

    private async Task<T> Query<T>(Func<OneStop.Infrastructure.Persistence.OneStopDbContext, Task<T>> query)
    {
        using var scope = _host.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Persistence.OneStopDbContext>());
    }

    [Fact]
    public async Task Bytes_an_identical_upload_is_storing_while_the_clean_up_deletes_the_old_copy_are_there_afterwards()
    {
        var citizen = await CitizenAsync();
        var content = DocumentSamples.Pdf("to khai bi bo do roi nop lai");
        var abandoned = await citizen.UploadAsync(content, "lan-1.pdf");
        var sha = await ShaOfAsync(abandoned);
        _factory.Clock.Advance(TimeSpan.FromHours(25));
        citizen = await CitizenAsync(); // a day later: a fresh token

        // The same bytes again: streamed and hashed, then held before the upload writes its row.
        _pause.PauseNextStage();
        var again = citizen.TryUploadAsync(content, "lan-2.pdf");
        Assert.Same(_pause.Staged, await Task.WhenAny(_pause.Staged, again));
        Assert.Equal(1, await WithJobAsync(job => job.RunAsync(CancellationToken.None)));
        Assert.False(await BlobExistsAsync(sha)); // the old copy's row and bytes are gone, as they should be

        _pause.Release();
        var response = await again;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).Id("id");

        Assert.True(await BlobExistsAsync(sha));
        Assert.Equal(content, await (await citizen.GetAsync($"/api/files/{id}")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_a_submission_took_after_the_clean_up_listed_it_is_kept()
    {
        var citizen = await CitizenAsync();
        var form = await citizen.UploadAsync(DocumentSamples.Pdf("to khai"), "to-khai.pdf");
        var birth = await citizen.UploadAsync(DocumentSamples.Pdf("giay chung sinh"), "gcs.pdf");
        var sha = await ShaOfAsync(form);
        _factory.Clock.Advance(TimeSpan.FromHours(25));
        var cutoff = _factory.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(24);
        // What the clean-up listed: both files, still unreferenced.
        var listed = await Query(db => db.Files.Where(f => f.ReferencedAt == null && f.UploadedAt < cutoff).Select(f => f.Id).ToListAsync());
        Assert.Contains(form, listed);
        citizen = await CitizenAsync(); // a day later: a fresh token

        await citizen.SubmitAsync(new
        {
            procedureId = "ho-tich.dang-ky-khai-sinh",
            applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
            channel = "online",
            receivingUnitCode = Demo.Commune,
            documents = new object[] { new { code = "TKKS", fileId = form }, new { code = "GCS", fileId = birth } },
        });

        Assert.False(await WithJobAsync(job => job.DeleteIfUnreferencedAsync(form, sha, cutoff, CancellationToken.None)));
        Assert.True(await Query(db => db.Files.AnyAsync(f => f.Id == form)));
        Assert.True(await BlobExistsAsync(sha));
    }

    [Fact]
    public async Task A_file_a_dossier_names_is_kept_even_if_nothing_marked_it_used()
    {
        var citizen = await CitizenAsync();
        var form = await citizen.UploadAsync(DocumentSamples.Pdf("to khai"), "to-khai.pdf");
        var birth = await citizen.UploadAsync(DocumentSamples.Pdf("giay chung sinh"), "gcs.pdf");
        await citizen.SubmitAsync(new
        {
            procedureId = "ho-tich.dang-ky-khai-sinh",
            applicant = new { idNumber = Demo.CitizenId, fullName = "Nguyễn Văn Công Dân" },
            channel = "online",
            receivingUnitCode = Demo.Commune,
            documents = new object[] { new { code = "TKKS", fileId = form }, new { code = "GCS", fileId = birth } },
        });
        // As if the mark had been lost (or a new kind of reference forgot it): only the dossier's paper names the file.
        await Query(db => db.Files.Where(f => f.Id == form).ExecuteUpdateAsync(s => s.SetProperty(f => f.ReferencedAt, (DateTime?)null)));
        _factory.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, await WithJobAsync(job => job.RunAsync(CancellationToken.None)));
        Assert.True(await Query(db => db.Files.AnyAsync(f => f.Id == form)));
        Assert.True(await BlobExistsAsync(await ShaOfAsync(form)));
    }

    /// <summary>Holds one upload after it streamed and before its store returns, until released.</summary>
    protected sealed class Pause
    {
        private TaskCompletionSource? _staged;
        private TaskCompletionSource? _release;

        public Task Staged => _staged!.Task;

        public void PauseNextStage()
        {
            _staged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _release!.TrySetResult();

        public async Task HoldAsync()
        {
            var (signal, release) = (_staged, _release);
            if (signal is not null && release is not null && !signal.Task.IsCompleted)
            {
                signal.TrySetResult();
                await release.Task;
            }
        }
    }

    /// <summary>The real store, able to hold one upload after it streamed and before it returns.</summary>
    protected sealed class PausingStore(IFileStore inner, Pause pause) : IFileStore
    {
        public async Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken ct)
        {
            var staged = await inner.StageAsync(content, maxBytes, ct);
            await pause.HoldAsync();
            return staged;
        }

        public Task KeepAsync(StagedBlob staged, CancellationToken ct) => inner.KeepAsync(staged, ct);
        public Task<Stream> OpenReadAsync(string sha256, CancellationToken ct) => inner.OpenReadAsync(sha256, ct);
        public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => inner.ExistsAsync(sha256, ct);
        public Task DeleteAsync(string sha256, CancellationToken ct) => inner.DeleteAsync(sha256, ct);
        public Task<int> DeleteAbandonedAsync(DateTime startedBefore, CancellationToken ct) => inner.DeleteAbandonedAsync(startedBefore, ct);
    }
}

/// <summary>Files under the data folder: one store for the host.</summary>
public sealed class UploadCleanupRaceOnFileSystemTests() : UploadCleanupRaceTests(StorageProviders.FileSystem)
{
    protected override void Register(IServiceCollection services, string dataDirectory, Pause pause) =>
        services.AddSingleton<IFileStore>(new PausingStore(new LocalFileStore(Path.Combine(dataDirectory, "files")), pause));
}

/// <summary>Files in the database: the store works in its caller's transaction, one per request or job.</summary>
public sealed class UploadCleanupRaceOnDatabaseTests() : UploadCleanupRaceTests(StorageProviders.Database)
{
    protected override void Register(IServiceCollection services, string dataDirectory, Pause pause) =>
        services.AddScoped<IFileStore>(sp => new PausingStore(ActivatorUtilities.CreateInstance<DatabaseFileStore>(sp), pause));
}
