using System.Net.Http.Json;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Units;

/// <summary>An officer's token outlives a merge: the unit it acts for must be the account's current one.</summary>
public sealed class TokenAfterMergeTests : IDisposable
{
    private readonly OneStopFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task An_officer_signed_in_before_the_merge_works_the_successors_queue_without_signing_in_again()
    {
        await BeforeReform.PublishAsync(factory);
        var reception = await factory.SignInAsync("tiepnhan.huyen");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission(BeforeReform.DistrictLevel, Demo.District,
            ["GDNHKD", "GTPLCN"]))).Str("code");
        var specialist = await factory.SignInAsync("chuyenvien.huyen"); // token says unit 593
        await reception.ActAsync(code, "receive");

        var merged = await (await factory.SignInAsync("admin")).PostAsJsonAsync($"/api/units/{Demo.District}/merge-into/{Demo.Province}", new { });
        Assert.True(merged.IsSuccessStatusCode, await merged.Content.ReadAsStringAsync());

        var queue = await (await specialist.GetAsync($"{Routes.Dossiers}?pageSize=200")).ReadJsonAsync();
        var item = queue["items"]!.AsArray().Single(i => i.Str("code") == code)!;
        Assert.Equal(Demo.Province, item.Str("currentUnitCode"));
    }
}
