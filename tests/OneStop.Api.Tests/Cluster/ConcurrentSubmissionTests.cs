using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Cluster;

/// <summary>
/// Issue #14: submissions racing at the database — the same Idempotency-Key at once, the first dossiers of a day at
/// once — get a dossier or the original answer, never a 500, on SQLite and on PostgreSQL alike.
/// </summary>
public sealed class ConcurrentSubmissionTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task The_same_Idempotency_Key_sent_eight_times_at_once_makes_one_dossier_and_eight_times_its_answer()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var body = ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"], fullName: "Trùng Khóa");
        var dossiersBefore = await factory.QueryAsync(db => db.Dossiers.CountAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Dossiers) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "cung-mot-khoa");
            var response = await reception.SendAsync(request);
            return (response.StatusCode, Json: await response.ReadJsonAsync(), Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{(int)a.StatusCode} {a.Json}"));
        Assert.Single(answers.Select(a => a.Json.Str("code")).Distinct());
        Assert.Equal(7, answers.Count(a => a.Replayed));
        Assert.Equal(dossiersBefore + 1, await factory.QueryAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task The_first_dossiers_of_a_day_submitted_at_once_are_numbered_one_to_twenty()
    {
        // A day no other test of this class submits on: Tuesday 03/03/2026, 09:00.
        factory.SetVietnamTime(2026, 3, 3, 9);
        var reception = await factory.SignInAsync("tiepnhan.huyen");
        var papers = (await (await factory.CreateClient().GetAsync($"{Routes.Procedures}/ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh")).ReadJsonAsync())
            ["documents"]!.AsArray().Where(d => d!["required"]!.GetValue<bool>()).Select(d => d.Str("code")).ToArray();

        var codes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-kinh-doanh.dang-ky-thanh-lap-ho-kinh-doanh", Demo.District, papers,
                fullName: $"Hộ Kinh Doanh {i}"))).Str("code")));

        // {agencyCode}-260303-{seq:0000}: one agency, one day, so exactly 0001 … 0020.
        Assert.All(codes, c => Assert.Contains("-260303-", c, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 20), codes.Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order());
    }
}
