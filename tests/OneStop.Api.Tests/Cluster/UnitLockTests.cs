using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Tests.Cluster;

/// <summary>
/// Issue #14: a merge is serialised against the actions that put dossiers at a unit — on PostgreSQL by row locks, on
/// SQLite by its single writer. An action decided before the merge, committing after it, is refused and changes nothing.
/// </summary>
public sealed class UnitLockTests
{
    [Fact]
    public async Task An_action_caught_by_a_merge_of_its_unit_waits_for_it_then_is_refused_and_changes_nothing()
    {
        await using var host = new OneStopFactory();
        var reception = await host.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(ApiClient.CounterSubmission("ho-tich.dang-ky-khai-sinh", Demo.Commune, ["TKKS", "GCS"]))).Str("code");
        var (_, etag) = await reception.GetDossierAsync(code);
        var before = await host.SnapshotAsync();
        var successor = await host.QueryAsync(db => db.Units.Where(u => u.Level == "commune" && u.Code != Demo.Commune && u.SuccessorCode == null)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());

        HttpResponseMessage answer;
        using (var scope = host.Services.CreateScope())
        {
            // What a merge does first: lock both units; then, while the action arrives, end the unit.
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await using var merge = await db.Database.BeginTransactionAsync();
            await UnitLocks.TakeExclusiveAsync(db, [Demo.Commune, successor], CancellationToken.None);
            var acting = reception.PostActionAsync(code, "receive", etag);
            await Task.Delay(300);
            Assert.False(acting.IsCompleted, "the action must wait for the merge's transaction");
            var yesterday = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
            await db.Units.Where(u => u.Code == Demo.Commune)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.SuccessorCode, successor).SetProperty(u => u.ValidTo, yesterday));
            await merge.CommitAsync();
            answer = await acting;
        }

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains($"'{Demo.Commune}' vừa được sáp nhập", (await answer.ReadJsonAsync()).Str("detail"));
        // Nothing of the action was saved; the only change is the merge's own: the unit ended, its successor named.
        var after = await host.SnapshotAsync();
        Assert.Equal(before with { Units = after.Units }, after);
        var ended = await host.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Code == Demo.Commune));
        Assert.Equal(successor, ended.SuccessorCode);
        Assert.Equal(DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-1), ended.ValidTo);
    }
}
