using System.Net;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>The ways a dossier ends without a result: refusal at the counter, withdrawal, legal stop.</summary>
public sealed class ClosingScenariosTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private async Task<(HttpClient Reception, string Code)> SubmittedAsync()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        return (reception, code);
    }

    [Fact]
    public async Task Refusal_needs_reasons_and_ends_the_dossier_as_NotAccepted()
    {
        var (reception, code) = await SubmittedAsync();
        var before = await factory.SnapshotAsync();
        var withoutReason = await reception.TryActAsync(code, "refuse");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Contains("comment", (await withoutReason.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await factory.SnapshotAsync());

        var refused = await reception.ActAsync(code, "refuse", new { comment = "Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường." });
        Assert.Equal("NotAccepted", refused.Str("status"));
        Assert.Equal(3, refused["statusCode"]!.GetValue<int>());
        Assert.Empty(refused.Actions());
        Assert.Equal(HttpStatusCode.Conflict, (await reception.TryActAsync(code, "receive")).StatusCode);

        var history = await (await reception.GetAsync(Routes.History(code))).ReadJsonAsync();
        var last = history["items"]!.AsArray()[^1]!;
        Assert.Equal("refuse", last.Str("action"));
        Assert.Equal("Submitted", last.Str("fromStatus"));
        Assert.Equal("NotAccepted", last.Str("toStatus"));
        Assert.Equal("tiepnhan.xa", last.Str("actor"));
        Assert.Equal(Demo.Commune, last.Str("unitCode"));
    }

    [Fact]
    public async Task A_withdrawal_is_stopped_by_the_unit_and_nothing_more_can_happen()
    {
        var (reception, code) = await SubmittedAsync();
        await reception.ActAsync(code, "receive");
        var withdrawing = await reception.ActAsync(code, "withdraw", new { comment = "Công dân xin rút hồ sơ." });
        Assert.Equal("WithdrawalRequested", withdrawing.Str("status"));
        Assert.Equal(7, withdrawing["statusCode"]!.GetValue<int>());

        var specialist = await factory.SignInAsync("chuyenvien.xa");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.TryActAsync(code, "stop")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await specialist.TryActAsync(code, "forward")).StatusCode);

        var stopped = await (await factory.SignInAsync("lanhdao.xa")).ActAsync(code, "stop", new { comment = "Thông báo dừng giải quyết theo yêu cầu." });
        Assert.Equal("Stopped", stopped.Str("status"));
        Assert.NotNull(stopped["closedAt"]);
        Assert.Empty(stopped.Actions());
    }

    [Fact]
    public async Task Outside_a_withdrawal_only_a_leader_may_stop_and_must_say_why()
    {
        var (reception, code) = await SubmittedAsync();
        await reception.ActAsync(code, "receive");
        var leader = await factory.SignInAsync("lanhdao.xa");
        var before = await factory.SnapshotAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await reception.TryActAsync(code, "stop", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await leader.TryActAsync(code, "stop")).StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());

        var stopped = await leader.ActAsync(code, "stop", new { comment = "Có quyết định của cơ quan có thẩm quyền về việc dừng giải quyết." });
        Assert.Equal("Stopped", stopped.Str("status"));
    }

    /// <remarks>
    /// Issue 11 changed this expectation on purpose: a status change still writes its DongBoHoSoMC message, and
    /// now each processing step (receive, forward) also writes a CapNhatTienDoHoSoMC message right after it.
    /// </remarks>
    [Fact]
    public async Task Every_status_change_and_processing_step_writes_its_outbox_message_in_order()
    {
        var (reception, code) = await SubmittedAsync();
        await reception.ActAsync(code, "receive");
        await (await factory.SignInAsync("chuyenvien.xa")).ActAsync(code, "forward");

        var messages = await factory.QueryAsync(db => Task.FromResult(db.Outbox.Where(m => m.DossierCode == code).OrderBy(m => m.Sequence).ToList()));
        // submit → DongBo(1); receive → DongBo(2) + step; forward → DongBo(4) + step.
        Assert.Equal(["DongBoHoSoMC", "DongBoHoSoMC", "CapNhatTienDoHoSoMC", "DongBoHoSoMC", "CapNhatTienDoHoSoMC"], messages.Select(m => m.Type));
        Assert.Equal([1, 2, 3, 4, 5], messages.Select(m => m.Sequence));
        Assert.Equal(messages.Count, messages.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Contains("\"TrangThaiHoSo\":\"4\"", messages[3].Payload);
        Assert.Contains("\"TrangThai\":\"4\"", messages[4].Payload);
    }
}
