using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Citizens;

/// <summary>A citizen never sees or touches another person's dossier: it answers exactly like a missing one.</summary>
public sealed class OtherCitizensTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string OtherUser = "congdan2";
    private const string OtherId = "079203000001";

    [Fact]
    public async Task Another_citizen_can_neither_see_nor_act_on_my_dossier()
    {
        await factory.CreateCitizenAsync(OtherUser, OtherId, "Trần Thị Người Khác");
        var owner = await factory.SignInAsync("congdan");
        var other = await factory.SignInAsync(OtherUser);
        var code = (await owner.SubmitBirthRegistrationOnlineAsync()).Str("code");
        await (await factory.SignInAsync("tiepnhan.xa")).ActAsync(code, "request-supplement", new { comment = "Bổ sung tờ khai có chữ ký.", items = new[] { new { code = "TKKS", reason = "Tờ khai có chữ ký." } } });
        var (_, etag) = await owner.GetDossierAsync(code);
        var fileId = await other.UploadAsync();
        var before = await factory.SnapshotAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Routes.Dossier(code))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Routes.History(code))).StatusCode);
        var supplement = await other.PostActionAsync(code, "supplement", etag, new { documents = new[] { new { code = "TKKS", fileId } } });
        Assert.Equal(HttpStatusCode.NotFound, supplement.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostActionAsync(code, "withdraw", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostActionAsync(code, "withdraw", "*")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Routes.Dossiers)).StatusCode);
        Assert.DoesNotContain(await other.MyDossiersAsync(), d => d.Str("code") == code);

        // Submitting in the owner's personal ID is refused too.
        var impersonation = await other.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await other.PostAsJsonAsync(Routes.Dossiers, impersonation)).StatusCode);

        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Equal("SupplementRequested", (await owner.MyDossierAsync(code)).Str("status"));
    }

    [Fact]
    public async Task Each_citizen_lists_only_their_own_dossiers()
    {
        await factory.CreateCitizenAsync(OtherUser, OtherId, "Trần Thị Người Khác");
        var owner = await factory.SignInAsync("congdan");
        var other = await factory.SignInAsync(OtherUser);
        var mine = (await owner.SubmitBirthRegistrationOnlineAsync()).Str("code");
        var theirs = (await other.SubmitAsync(await other.OnlineSubmissionAsync(CitizenClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"],
            idNumber: OtherId, fullName: "Trần Thị Người Khác"))).Str("code");

        var ownerCodes = (await owner.MyDossiersAsync()).Select(d => d.Str("code")).ToList();
        var otherCodes = (await other.MyDossiersAsync()).Select(d => d.Str("code")).ToList();
        Assert.Contains(mine, ownerCodes);
        Assert.DoesNotContain(theirs, ownerCodes);
        Assert.Contains(theirs, otherCodes);
        Assert.DoesNotContain(mine, otherCodes);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Routes.Dossier(theirs))).StatusCode);
    }
}
