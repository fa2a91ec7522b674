using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace OneStop.Cluster.Tests;

/// <summary>
/// Issue #14's faults, tried as a newcomer would: the database stopped while requests arrive, the same
/// Idempotency-Key sent to both nodes at once, the first dossiers of a day submitted at once on both nodes.
/// (A node killed during delivery is part of <see cref="TwoNodeTests"/>.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task Requests_while_the_database_is_stopped_get_a_clear_503_and_the_node_recovers_once_it_is_back()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var portal = await PortalServer.StartAsync();
        await using var node = await ApiNode.StartAsync("node-a", database, portal);
        var clerk = new Clerk([node]);
        await clerk.SignInAsync("admin", "tiepnhan.xa");
        var code = await SubmitAsync(clerk, 0, "truoc-su-co");

        await ClusterDatabase.ServerAsync("stop");
        HttpResponseMessage read, submit, ready, live;
        try
        {
            read = await clerk.SendAsync(0, "admin", HttpMethod.Get, $"/api/dossiers/{code}");
            submit = await clerk.SendAsync(0, "tiepnhan.xa", HttpMethod.Post, "/api/dossiers", Clerk.Submission(1),
                new Dictionary<string, string> { ["Idempotency-Key"] = "trong-su-co" });
            ready = await node.Client.GetAsync("/health/ready");
            live = await node.Client.GetAsync("/health/live");
        }
        finally
        {
            await ClusterDatabase.ServerAsync("start");
        }

        foreach (var response in new[] { read, submit })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(503, problem["status"]!.GetValue<int>());
            Assert.Contains("cơ sở dữ liệu", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // Back: ready again within seconds, the earlier dossier intact, and the refused submission can simply be sent again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await node.Client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        var (dossier, _) = await clerk.ReadAsync(0, code);
        Assert.Equal("Submitted", dossier["status"]!.GetValue<string>());
        var again = await SubmitAsync(clerk, 1, "trong-su-co");
        Assert.NotEqual(code, again);
        Assert.Equal(2L, await database.ScalarAsync<long>("""SELECT count(*) FROM "Dossiers" """));
        output.Report($"database stopped: read and submission answered 503 problem+json with Retry-After, /health/ready 503, " +
            $"/health/live 200; after the restart the node was ready again and the submission went through ({again})");
    }

    [ClusterFact]
    public async Task The_same_Idempotency_Key_sent_to_both_nodes_at_once_makes_one_dossier_and_both_get_it()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var portal = await PortalServer.StartAsync();
        var started = await Task.WhenAll(ApiNode.StartAsync("node-a", database, portal), ApiNode.StartAsync("node-b", database, portal));
        await using var nodeA = started[0];
        await using var nodeB = started[1];
        var clerk = new Clerk([nodeA, nodeB]);
        await clerk.SignInAsync("tiepnhan.xa");
        const int Keys = 40;

        var pairs = await Task.WhenAll(Enumerable.Range(0, Keys).Select(async k =>
        {
            var key = new Dictionary<string, string> { ["Idempotency-Key"] = $"cung-luc-{k}" };
            var answers = await Task.WhenAll(
                clerk.SendAsync(0, "tiepnhan.xa", HttpMethod.Post, "/api/dossiers", Clerk.Submission(k), key),
                clerk.SendAsync(1, "tiepnhan.xa", HttpMethod.Post, "/api/dossiers", Clerk.Submission(k), key));
            return await Task.WhenAll(answers.Select(async a => (a.StatusCode,
                Code: (await a.Content.ReadFromJsonAsync<JsonObject>())!["code"]?.GetValue<string>(),
                Replayed: a.Headers.Contains("Idempotent-Replayed"))));
        }));

        Assert.All(pairs, pair =>
        {
            Assert.All(pair, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
            Assert.Equal(pair[0].Code, pair[1].Code);
            Assert.Equal(1, pair.Count(a => a.Replayed));
        });
        Assert.Equal(Keys, await database.ScalarAsync<long>("""SELECT count(*) FROM "Dossiers" """));
        Assert.Equal(Keys, pairs.Select(p => p[0].Code).Distinct().Count());
        output.Report($"{Keys} keys each sent to both nodes at once: {Keys * 2} answers 201, {Keys} dossiers, {Keys} replays");
    }

    [ClusterFact]
    public async Task The_first_dossiers_of_a_day_submitted_at_once_on_both_nodes_get_consecutive_codes()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var portal = await PortalServer.StartAsync();
        var started = await Task.WhenAll(ApiNode.StartAsync("node-a", database, portal), ApiNode.StartAsync("node-b", database, portal));
        await using var nodeA = started[0];
        await using var nodeB = started[1];
        var clerk = new Clerk([nodeA, nodeB]);
        await clerk.SignInAsync("tiepnhan.xa");
        Assert.Equal(0L, await database.ScalarAsync<long>("""SELECT count(*) FROM "CodeSequences" """));
        const int Submissions = 60;

        var answers = await Task.WhenAll(Enumerable.Range(0, Submissions).Select(async i =>
        {
            var response = await clerk.SendAsync(i % 2, "tiepnhan.xa", HttpMethod.Post, "/api/dossiers", Clerk.Submission(i));
            var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {json}");
            return json["code"]!.GetValue<string>();
        }));

        // {agency}-{yyMMdd}-{seq:0000}: one agency, one day, so the sequence numbers must be exactly 1..60.
        Assert.Single(answers.Select(c => c[..c.LastIndexOf('-')]).Distinct());
        Assert.Equal(Enumerable.Range(1, Submissions), answers.Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(Submissions, await database.ScalarAsync<long>("""SELECT "Last" FROM "CodeSequences" """));
        output.Report($"{Submissions} first submissions of the day, half on each node, at once: codes {answers.Min()} … {answers.Max()}, no gap, no repeat");
    }

    private static async Task<string> SubmitAsync(Clerk clerk, int number, string key)
    {
        var response = await clerk.SendAsync(0, "tiepnhan.xa", HttpMethod.Post, "/api/dossiers", Clerk.Submission(number),
            new Dictionary<string, string> { ["Idempotency-Key"] = key });
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {json}");
        return json["code"]!.GetValue<string>();
    }
}
