using System.Net;
using System.Net.Http.Json;
using System.Text;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>Mistakes a new user makes get a clear 4xx ProblemDetails and leave the database exactly as it was.</summary>
public sealed class BadInputTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static object Birth(string unit = Demo.Commune, string idNumber = Demo.CitizenId, params string[] papers) =>
        ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", unit, papers.Length == 0 ? ["TKKS", "GCS"] : papers, idNumber);

    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string? field = null)
    {
        var before = await factory.SnapshotAsync();
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.Contains($"\"{field}\"", body);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await AssertRefusedAsync(() => reception.PostAsync(Routes.Dossiers,
            new StringContent("{\"procedureId\": \"ho-tich.dang-ky-khai-sinh\", ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_procedure_is_a_422_on_procedureId()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await AssertRefusedAsync(() => reception.PostAsJsonAsync(Routes.Dossiers,
            ApiClient.CounterSubmission("khong-ton-tai", Demo.Commune, ["X"])), HttpStatusCode.UnprocessableEntity, "procedureId");
    }

    [Fact]
    public async Task Missing_required_papers_are_named_in_a_422()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var before = await factory.SnapshotAsync();
        var response = await reception.PostAsJsonAsync(Routes.Dossiers, Birth(papers: "TKKS"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("GCS", body);
        Assert.Contains("\"documents\"", body);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [InlineData("0600950001234")] // 13 digits
    [InlineData("999095000123")]  // no such province
    [InlineData("06009500012A")]
    [InlineData("0100109107")]    // tax code with a wrong check digit
    public async Task A_wrong_applicant_identifier_is_a_400_on_applicant_idNumber(string idNumber)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await AssertRefusedAsync(() => reception.PostAsJsonAsync(Routes.Dossiers, Birth(idNumber: idNumber)),
            HttpStatusCode.BadRequest, "applicant.idNumber");
    }

    [Fact]
    public async Task An_unknown_channel_and_an_unknown_unit_are_refused()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        await AssertRefusedAsync(() => reception.PostAsJsonAsync(Routes.Dossiers, new
        {
            procedureId = "ho-tich.dang-ky-khai-sinh",
            applicant = new { idNumber = Demo.CitizenId, fullName = "A" },
            channel = "fax",
            receivingUnitCode = Demo.Commune,
            documents = new[] { new { code = "TKKS" }, new { code = "GCS" } },
        }), HttpStatusCode.BadRequest, "channel");
        await AssertRefusedAsync(() => reception.PostAsJsonAsync(Routes.Dossiers, Birth(unit: "99999")), HttpStatusCode.UnprocessableEntity, "receivingUnitCode");
    }

    [Fact]
    public async Task Reception_of_another_unit_cannot_receive_here_nor_see_the_dossier()
    {
        var commune = await factory.SignInAsync("tiepnhan.xa");
        var code = (await commune.SubmitAsync(Birth())).Str("code");
        var district = await factory.SignInAsync("tiepnhan.huyen");

        await AssertRefusedAsync(() => district.PostAsJsonAsync(Routes.Dossiers, Birth()), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(() => district.PostActionAsync(code, "receive", "\"1\""), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync(Routes.Dossier(code))).StatusCode);
    }

    [Fact]
    public async Task An_action_by_the_wrong_role_is_a_403()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(Birth())).Str("code");
        var specialist = await factory.SignInAsync("chuyenvien.xa");
        await AssertRefusedAsync(() => specialist.TryActAsync(code, "receive"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_action_out_of_order_is_a_409_and_an_unknown_action_a_404()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(Birth())).Str("code");
        await AssertRefusedAsync(() => reception.TryActAsync(code, "return-result"), HttpStatusCode.Conflict);
        await AssertRefusedAsync(() => reception.TryActAsync(code, "teleport"), HttpStatusCode.NotFound);
        await AssertRefusedAsync(() => reception.PostActionAsync("000.17.22.H56-200101-9999", "receive", "\"1\""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_or_missing_etag_is_a_412()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var submitted = await reception.PostAsJsonAsync(Routes.Dossiers, Birth());
        var code = (await submitted.ReadJsonAsync()).Str("code");
        var firstEtag = submitted.Headers.ETag!.Tag;
        await reception.ActAsync(code, "receive");

        await AssertRefusedAsync(() => reception.PostActionAsync(code, "withdraw", firstEtag), HttpStatusCode.PreconditionFailed, "If-Match");
        await AssertRefusedAsync(() => reception.PostActionAsync(code, "withdraw", etag: null), HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [Fact]
    public async Task Two_officers_acting_on_the_same_read_cannot_both_win()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(Birth())).Str("code");
        var (_, etag) = await reception.GetDossierAsync(code);

        var results = await Task.WhenAll(
            reception.PostActionAsync(code, "receive", etag),
            reception.PostActionAsync(code, "refuse", etag, new { comment = "Trùng hồ sơ." }));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict);
        var events = await factory.QueryAsync(db => Task.FromResult(db.DossierEvents.Count(e => db.Dossiers.Any(d => d.Code == code && d.Id == e.DossierId))));
        Assert.Equal(2, events);
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_first_dossier_and_a_reused_key_with_another_body_is_a_422()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        async Task<HttpResponseMessage> PostWithKey(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Dossiers) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "quay-1-khai-sinh-0001");
            return await reception.SendAsync(request);
        }

        var first = await PostWithKey(Birth());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var afterFirst = await factory.SnapshotAsync();
        var replay = await PostWithKey(Birth());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).Str("code"), (await replay.ReadJsonAsync()).Str("code"));
        Assert.Equal(afterFirst, await factory.SnapshotAsync());

        await AssertRefusedAsync(() => PostWithKey(Birth(idNumber: "079203000001")), HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Fact]
    public async Task Concurrent_submissions_get_consecutive_codes_without_duplicates()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var before = await factory.SnapshotAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => reception.PostAsJsonAsync(Routes.Dossiers, Birth())));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var codes = new List<string>();
        foreach (var response in responses)
            codes.Add((await response.ReadJsonAsync()).Str("code"));
        Assert.Equal(20, codes.Distinct().Count());
        var sequences = codes.Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..])).Order().ToList();
        Assert.Equal(Enumerable.Range(before.SequenceTotal + 1, 20), sequences);
        Assert.All(codes, c => Assert.StartsWith("000.17.22.H56-260302-", c));
    }
}
