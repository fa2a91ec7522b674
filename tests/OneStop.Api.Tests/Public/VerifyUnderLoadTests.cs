using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Documents;
using OneStop.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneStop.Api.Tests.Public;

/// <summary>
/// <c>POST /api/public/verify</c> under 60 parallel 20 MB uploads from one address (issue 15): every answer is right,
/// the process's memory stays bounded (the file streams through the hash; it used to be buffered and copied, 40 MB a
/// request), and the host answers on. The peak figures are printed (run with
/// <c>--logger "console;verbosity=detailed"</c>); the bound asserted is generous, never a timing.
/// </summary>
public sealed class VerifyUnderLoadTests(ITestOutputHelper output) : IDisposable
{
    private const int Parallel = 60;
    private const long FileBytes = 20L * 1024 * 1024;

    private readonly OneStopFactory _factory = OneStopFactory.With(("OneStop:RateLimits:PublicPerMinute", "100"));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sixty_parallel_20_MB_verifications_are_answered_right_in_bounded_memory()
    {
        // A genuine signed result, to be verified in the middle of the load.
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        var resolved = await _factory.DriveToResolvedAsync(code);
        var result = await (await reception.GetAsync($"/api/files/{resolved["result"]!.Id("fileId")}")).Content.ReadAsByteArrayAsync();
        // No redirect handler: WebApplicationFactory's copies every request body into memory to be able to resend it.
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.Timeout = TimeSpan.FromMinutes(10);

        var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
        var baselineWorkingSet = Environment.WorkingSet;
        using var sampling = new CancellationTokenSource();
        long peakHeap = baselineHeap, peakWorkingSet = baselineWorkingSet;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                try { await Task.Delay(10, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();

        var big = Enumerable.Range(0, Parallel).Select(i => client.PostAsync("/api/public/verify", Form(new GeneratedFile(FileBytes, seed: i)))).ToList();
        var genuine = client.VerifyAsync(result);
        var responses = await Task.WhenAll(big);
        var genuineResponse = await genuine;

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;

        foreach (var response in responses)
        {
            var body = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
            Assert.False(body["valid"]!.GetValue<bool>());
        }
        var verified = await genuineResponse.ReadJsonAsync();
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal(code, verified.Str("dossierCode"));

        var heapGrowth = peakHeap - baselineHeap;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Parallel} × {FileBytes / (1024 * 1024)} MB verified in {watch.Elapsed.TotalSeconds:F1} s; peak managed heap +{heapGrowth / (1024.0 * 1024):F1} MB " +
            $"(baseline {baselineHeap / (1024.0 * 1024):F1} MB), peak working set +{(peakWorkingSet - baselineWorkingSet) / (1024.0 * 1024):F1} MB " +
            $"(baseline {baselineWorkingSet / (1024.0 * 1024):F1} MB)"));
        // Buffering would hold 60 × (20 MB + its 20 MB copy) = 2,400 MB at once; streaming holds a few buffers per request.
        Assert.True(heapGrowth < 256L * 1024 * 1024, $"peak managed heap grew by {heapGrowth / (1024 * 1024)} MB");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_a_413_without_reading_it_all()
    {
        using var limited = OneStopFactory.With(("OneStop:Files:MaxBytes", "1048576"));
        var response = await limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostAsync("/api/public/verify", Form(new GeneratedFile(2 * 1024 * 1024, seed: 7)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["file"], (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    private static MultipartFormDataContent Form(Stream file)
    {
        var part = new StreamContent(file, 64 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { part, "file", "ban-sao.pdf" } };
    }

    /// <summary>A file of <c>length</c> bytes made up as it is read, so the test itself holds none of the 1.2 GB it sends.</summary>
    private sealed class GeneratedFile(long length, int seed) : Stream
    {
        private static readonly byte[] Pattern = CreatePattern();
        private long _position;

        private static byte[] CreatePattern()
        {
            var bytes = new byte[64 * 1024];
            new Random(15).NextBytes(bytes);
            return bytes;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var written = 0; written < n;)
            {
                var at = (int)((_position + written + seed * 7919L) % Pattern.Length);
                var chunk = Math.Min(n - written, Pattern.Length - at);
                Pattern.AsSpan(at, chunk).CopyTo(buffer[written..]);
                written += chunk;
            }
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
