using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Audit;

namespace OneStop.Api.Tests.Documents;

/// <summary>
/// Issue 15: an officer reads a person's data repository only for work in front of them — a dossier of that person
/// at their unit, or (reception) the applicant about to file, with a purpose — and every read is audited.
/// </summary>
public sealed class RepositoryAccessTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    // Valid personal IDs (province 079, born 2003 / 1998) with no dossier anywhere unless a test submits one.
    private const string Stranger = "079203000001";
    private const string Walker = "079098000777";

    private static string Repository(string ownerId, string query = "") => $"/api/repository/{ownerId}/documents{query}";

    private async Task<string> CounterDossierAsync(string idNumber)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        return (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"], idNumber))).Str("code");
    }

    private Task<List<AuditRecord>> ReadsOfAsync(string ownerId) =>
        factory.QueryAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.RepositoryRead && a.Subject == ownerId).OrderBy(a => a.Id).ToListAsync());

    private async Task<HttpStatusCode> StatusAsync(string userName, string path) =>
        (await (await factory.SignInAsync(userName)).GetAsync(path)).StatusCode;

    [Fact]
    public async Task Officers_of_the_unit_with_the_persons_open_dossier_read_it_and_each_read_is_audited()
    {
        var owner = "079203" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = await CounterDossierAsync(owner);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("tiepnhan.xa", Repository(owner)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("chuyenvien.xa", Repository(owner, $"?dossier={code}")));

        var reads = await ReadsOfAsync(owner);
        Assert.Equal(["tiepnhan.xa", "chuyenvien.xa"], reads.Select(r => r.Actor));
        Assert.All(reads, r => Assert.Equal(code, r.DossierCode));
        Assert.All(reads, r => Assert.Equal(OneStopFactory.DefaultStart.UtcDateTime, r.At));
    }

    [Fact]
    public async Task Officers_of_another_unit_admins_and_citizens_do_not_read_it_and_nothing_is_logged()
    {
        var code = await CounterDossierAsync(Demo.CitizenId);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("chuyenvien.huyen", Repository(Demo.CitizenId)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("lanhdao.tinh", Repository(Demo.CitizenId)));
        // Naming the commune's dossier does not help: at another unit it answers like a missing one.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("tiepnhan.huyen", Repository(Demo.CitizenId, $"?dossier={code}")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("admin", Repository(Demo.CitizenId)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("congdan", Repository(Demo.CitizenId)));
        Assert.DoesNotContain(await ReadsOfAsync(Demo.CitizenId), r => r.Actor is "chuyenvien.huyen" or "lanhdao.tinh" or "tiepnhan.huyen" or "admin" or "congdan");
    }

    [Fact]
    public async Task Nobodys_dossier_here_is_refused_unless_reception_states_a_purpose_which_is_logged()
    {
        var refused = await (await factory.SignInAsync("tiepnhan.xa")).GetAsync(Repository(Stranger));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("purpose", (await refused.ReadJsonAsync()).Str("detail"));

        const string purpose = "Công dân đang nộp hồ sơ đăng ký thường trú tại quầy";
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("tiepnhan.xa", Repository(Stranger, $"?purpose={Uri.EscapeDataString(purpose)}")));
        // A purpose is the counter's reason; a specialist has no applicant in front of them.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("chuyenvien.xa", Repository(Stranger, "?purpose=xem")));

        var read = Assert.Single(await ReadsOfAsync(Stranger));
        Assert.Equal("tiepnhan.xa", read.Actor);
        Assert.Equal(purpose, read.Detail);
        Assert.Null(read.DossierCode);
    }

    [Fact]
    public async Task A_named_dossier_must_be_that_persons_and_still_open()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var someoneElses = await CounterDossierAsync(Demo.CitizenId);
        var refused = await CounterDossierAsync(Walker);
        await reception.ActAsync(refused, "refuse", new { comment = "Không thuộc thẩm quyền." });

        var wrongPerson = await reception.GetAsync(Repository(Walker, $"?dossier={someoneElses}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongPerson.StatusCode);
        Assert.Equal(["dossier"], (await wrongPerson.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var closed = await reception.GetAsync(Repository(Walker, $"?dossier={refused}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        // With its only dossier closed, the person has no open dossier here either.
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync(Repository(Walker))).StatusCode);
        Assert.Empty(await ReadsOfAsync(Walker));
    }
}
