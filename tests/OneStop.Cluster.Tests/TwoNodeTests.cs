using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneStop.Domain.Dossiers;
using OneStop.NationalPortal.Mock;
using Xunit.Abstractions;

namespace OneStop.Cluster.Tests;

/// <summary>
/// Issue #14's two-node test: two API processes on different loopback ports over one PostgreSQL database and one
/// Hangfire storage (a Hangfire server on each), 500 birth registrations driven to Returned with every action on the
/// other node than the read before it, one node killed mid-run and started again. Then what the nodes wrote is checked
/// in the database and at the portal, and the figures are printed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    private const int Dossiers = 500;
    private const int Clerks = 12;
    private const string D = PortalServices.DongBoHoSoMC;
    private const string P = PortalServices.CapNhatTienDoHoSoMC;

    [ClusterFact]
    public async Task Five_hundred_dossiers_alternating_between_two_nodes_reach_Returned_with_nothing_lost_or_duplicated()
    {
        var watch = Stopwatch.StartNew();
        await using var database = await ClusterDatabase.CreateAsync();
        // A portal a little slow to answer, so deliveries are in flight when a node dies.
        await using var portal = await PortalServer.StartAsync(new PortalFaults(LatencyMs: 5, LatencyJitterMs: 10));
        // Both nodes start at once on an empty database: one migrates and seeds, the other waits its turn.
        var started = await Task.WhenAll(ApiNode.StartAsync("node-a", database, portal), ApiNode.StartAsync("node-b", database, portal));
        await using var nodeA = started[0];
        await using var nodeB = started[1];
        var nodes = new[] { nodeA, nodeB };
        var clerk = new Clerk(nodes);
        await clerk.SignInAsync("admin", "tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa");

        // A file uploaded through one node is served, byte for byte, by the other.
        var upload = new byte[600_000];
        RandomNumberGenerator.Fill(upload);
        "%PDF-1.7\n"u8.CopyTo(upload);
        var fileId = await UploadAsync(nodeA, clerk, upload);
        var downloaded = await (await clerk.SendAsync(1, "tiepnhan.xa", HttpMethod.Get, $"/api/files/{fileId}")).Content.ReadAsByteArrayAsync();
        Assert.Equal(upload, downloaded);

        var codes = new string?[Dossiers];
        var staleRefused = 0;
        var staleChecked = 0;
        var done = 0;
        var killedAt = 0;
        var restarted = new TaskCompletionSource();
        // Node B dies (SIGKILL) when 40 % of the dossiers are through, and comes back five seconds later.
        var chaos = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < Dossiers * 2 / 5)
                await Task.Delay(20);
            killedAt = Volatile.Read(ref done);
            nodeB.Kill();
            await Task.Delay(TimeSpan.FromSeconds(5));
            await nodeB.StartProcessAsync();
            restarted.SetResult();
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, Dossiers), new ParallelOptions { MaxDegreeOfParallelism = Clerks }, async (i, _) =>
        {
            codes[i] = await SubmitAsync(clerk, i);
            var stalePending = true;
            for (var turn = 1; ; turn++)
            {
                // Read on one node, act on the other; the next action starts on the node that just acted.
                var (reader, writer) = ((i + turn) % 2, (i + turn + 1) % 2);
                var (dossier, etag) = await clerk.ReadAsync(reader, codes[i]!);
                if (Clerk.NextStep(dossier) is not var (user, action))
                {
                    Assert.Equal("Returned", dossier["status"]!.GetValue<string>());
                    break;
                }
                try
                {
                    var response = await clerk.SendAsync(writer, user, HttpMethod.Post, $"/api/dossiers/{codes[i]}/actions/{action}", new { },
                        new Dictionary<string, string> { ["If-Match"] = etag });
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} on {codes[i]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (LostAnswerException)
                {
                    continue; // read again: the action may have been committed before the node died
                }
                if (stalePending && nodes[reader].Running)
                {
                    // The ETag read before that action is stale now, on the node that served it as on the other.
                    stalePending = false;
                    Interlocked.Increment(ref staleChecked);
                    try
                    {
                        var stale = await nodes[reader].Client.SendAsync(ActionRequest(codes[i]!, "forward", etag, clerk, "chuyenvien.xa"));
                        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
                        Interlocked.Increment(ref staleRefused);
                    }
                    catch (HttpRequestException)
                    {
                        // That node died in between, or is started again but not listening yet: nothing was checked, so
                        // the dossier tries again after its next action (the faster the actions, the more of them fall in
                        // the seconds node-b is away).
                        Interlocked.Decrement(ref staleChecked);
                        stalePending = true;
                    }
                }
            }
            Interlocked.Increment(ref done);
        });
        await chaos;
        await restarted.Task;
        var driven = watch.Elapsed;

        // Every status reaches the portal; Hangfire on both nodes plus the minutely sweeper deliver what the dead node left.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        long undelivered;
        while ((undelivered = await database.ScalarAsync<long>("""SELECT count(*) FROM "Outbox" WHERE "State" <> 'Delivered'""")) > 0
            && DateTime.UtcNow < deadline)
            await Task.Delay(500);
        Assert.True(undelivered == 0, $"{undelivered} outbox messages undelivered after four minutes");

        // The database: exactly the 500 dossiers, distinct codes, all Returned, each with its six events.
        var rows = await database.ListAsync("""SELECT "Code", "Status" FROM "Dossiers" """, r => (Code: r.GetString(0), Status: r.GetString(1)));
        var duplicates = rows.Count - rows.Select(r => r.Code).Distinct().Count();
        var lost = codes.Count(c => c is null || !rows.Any(r => r.Code == c && r.Status == "Returned"));
        Assert.Equal(0, duplicates);
        Assert.Equal(0, lost);
        Assert.Equal(Dossiers, rows.Count);
        Assert.Equal(Dossiers, codes.Distinct().Count());
        Assert.All(rows, r => Assert.Equal("Returned", r.Status));

        // The portal: every outbox message of every dossier, once, in the order it arrived — the dossier's status
        // changes (DongBoHoSoMC) and processing steps (CapNhatTienDoHoSoMC) as issue 11 sends them.
        var events = (await database.ListAsync("""
            SELECT d."Code", e."Sequence", e."ToStatus" FROM "DossierEvents" e JOIN "Dossiers" d ON d."Id" = e."DossierId"
            """, r => (Code: r.GetString(0), Sequence: r.GetInt32(1), Status: (int)Enum.Parse<DossierStatus>(r.GetString(2)))))
            .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
        var outbox = (await database.ListAsync("""SELECT "DossierCode", "Sequence", "Type" FROM "Outbox" """,
                r => (Code: r.GetString(0), Sequence: r.GetInt32(1), Service: r.GetString(2))))
            .GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Sequence).Select(m => (m.Sequence, m.Service)).ToList());
        var received = portal.Store.Snapshot();
        // Worked out by hand for a birth registration driven to Returned: submit D(1); receive D(2) + step; forward
        // D(4) + step; approve step; resolve D(9) + step; return-result D(10) + step (D = DongBoHoSoMC, step = CapNhatTienDoHoSoMC).
        (string, int)[] expected = [(D, 1), (D, 2), (P, 2), (D, 4), (P, 4), (P, 4), (D, 9), (P, 9), (D, 10), (P, 10)];
        foreach (var code in codes)
        {
            Assert.Equal([1, 2, 4, 4, 9, 10], events[code!].Select(e => e.Status));
            Assert.True(received.TryGetValue(code!, out var messages), $"the portal has nothing for {code}");
            Assert.Equal(outbox[code!], messages.Select(m => (m.SoThuTu, m.Service)));
            Assert.Equal(expected, messages.Select(m => (m.Service, m.Status)));
        }
        var portalMessages = received.Values.Sum(m => m.Count);
        Assert.Equal(Dossiers * expected.Length, portalMessages);

        // Both nodes ran background jobs (Hangfire records the server of every job it processed).
        var jobsPerNode = (await database.ListAsync("""
            SELECT split_part(data::jsonb ->> 'ServerId', ':', 1), count(*) FROM hangfire.state WHERE name = 'Processing' GROUP BY 1
            """, r => (Node: r.GetString(0), Jobs: r.GetInt64(1)))).ToDictionary(r => r.Node, r => r.Jobs);
        Assert.True(jobsPerNode.GetValueOrDefault("node-a") > 0 && jobsPerNode.GetValueOrDefault("node-b") > 0,
            $"jobs per node: {string.Join(", ", jobsPerNode)}");

        // A result signed on one node verifies on the other, and a copy with a byte changed does not.
        var verified = 0;
        foreach (var (code, index) in codes.Select((c, i) => (c!, i)).Where(x => x.i % 50 == 0))
        {
            var (dossier, _) = await clerk.ReadAsync(index % 2, code);
            var result = await (await clerk.SendAsync(index % 2, "tiepnhan.xa", HttpMethod.Get,
                $"/api/files/{dossier["result"]!["fileId"]!.GetValue<Guid>()}")).Content.ReadAsByteArrayAsync();
            var answer = await VerifyAsync(nodes[(index + 1) % 2], result);
            Assert.True(answer["valid"]!.GetValue<bool>(), $"{code}: {answer}");
            Assert.Equal(code, answer["dossierCode"]!.GetValue<string>());
            result[result.Length / 2] ^= 1;
            Assert.False((await VerifyAsync(nodes[index % 2], result))["valid"]!.GetValue<bool>());
            verified++;
        }

        Assert.True(staleChecked >= Dossiers * 9 / 10, $"only {staleChecked} stale ETags could be tried");
        Assert.Equal(staleChecked, staleRefused);
        output.Report($"two nodes over one PostgreSQL database, {watch.Elapsed.TotalSeconds:0} s ({driven.TotalSeconds:0} s driving, {Clerks} clerks):");
        output.Report($"  dossiers {Dossiers}, all Returned; duplicates = {duplicates}, lost = {lost}");
        output.Report($"  writes per node: node-a {clerk.WritesPerNode[0]}, node-b {clerk.WritesPerNode[1]}; " +
            $"{clerk.Failovers} calls failed over while node-b was down (killed after {killedAt} dossiers, back 5 s later)");
        output.Report($"  jobs per node: {string.Join(", ", jobsPerNode.OrderBy(j => j.Key).Select(j => $"{j.Key} {j.Value}"))}");
        output.Report($"  portal messages: {portalMessages} accepted, each once and in order ({portal.Calls} calls, retries and duplicates included)");
        output.Report($"  stale If-Match across nodes: {staleRefused} of {staleChecked} refused with 412");
        output.Report($"  files: 600 000 bytes uploaded on node-a, identical from node-b; {verified} results signed on one node verified on the other");
    }

    private static async Task<string> SubmitAsync(Clerk clerk, int i)
    {
        // The same Idempotency-Key on a retry: a submission whose answer was lost is answered, not made twice.
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = $"cluster-{i}" };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // The first try on node i % 2, a retry on the other one.
                var response = await clerk.SendAsync((i + attempt) % 2, "tiepnhan.xa", HttpMethod.Post, "/api/dossiers", Clerk.Submission(i), key);
                var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit {i}: {(int)response.StatusCode} {json}");
                return json["code"]!.GetValue<string>();
            }
            catch (LostAnswerException) when (attempt < 5)
            {
            }
        }
    }

    private static HttpRequestMessage ActionRequest(string code, string action, string etag, Clerk clerk, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{code}/actions/{action}") { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clerk.Token(user));
        return request;
    }

    private static async Task<Guid> UploadAsync(ApiNode node, Clerk clerk, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", "ban-ve.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clerk.Token("tiepnhan.xa"));
        var response = await node.Client.SendAsync(request);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload: {(int)response.StatusCode} {json}");
        return json["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> VerifyAsync(ApiNode node, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "ket-qua.pdf" } };
        return (await (await node.Client.PostAsync("/api/public/verify", form)).Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
