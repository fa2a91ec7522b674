using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Portal;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Api.Tests.Sync;

/// <summary>
/// A dossier's first DongBoHoSoMC is an insert (<c>isUpdating = "False"</c>), the later ones updates; the portal's
/// "already exists" / "does not exist" answers and TraCuuHoSo put the client right when it cannot know.
/// </summary>
public sealed class InsertThenUpdateTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task An_insert_answered_already_exists_is_resent_as_an_update_and_an_update_answered_not_found_as_an_insert()
    {
        using var scope = factory.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<NationalPortalClient>();
        var known = $"000.17.22.H56-260302-{Guid.NewGuid():N}";
        var unknown = $"000.17.22.H56-260302-{Guid.NewGuid():N}";

        var insert = await client.SendAsync(Call(known, 1, isUpdating: false), CancellationToken.None);
        var insertAgain = await client.SendAsync(Call(known, 2, isUpdating: false), CancellationToken.None);
        var updateUnknown = await client.SendAsync(Call(unknown, 1, isUpdating: true), CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Delivered, false), (insert.Outcome, insert.Switched));
        Assert.Equal((DeliveryOutcome.Delivered, true), (insertAgain.Outcome, insertAgain.Switched));
        Assert.Equal((DeliveryOutcome.Delivered, true), (updateUnknown.Outcome, updateUnknown.Switched));
        var portal = factory.PortalStore();
        Assert.Equal(["False", "True"], portal.Find(known)!.Select(m => m.IsUpdating));
        Assert.Equal(["False"], portal.Find(unknown)!.Select(m => m.IsUpdating));
        Assert.True(await client.ExistsAsync(known, "000.17.22.H56", CancellationToken.None));
        Assert.False(await client.ExistsAsync($"000.17.22.H56-260302-{Guid.NewGuid():N}", "000.17.22.H56", CancellationToken.None));
    }

    [Fact]
    public async Task The_first_message_is_an_insert_and_the_rest_updates()
    {
        var mill = new DossierMill(factory);
        var code = (await mill.SubmitAsync(1))[0];
        await mill.WalkToReturnedAsync([code], async () => await factory.Job().DeliverDueAsync(CancellationToken.None));

        var items = factory.PortalStore().Find(code)!.Where(m => m.Service == DvcqgPayload.DongBoHoSoMC).ToList();

        Assert.Equal("False", items[0].IsUpdating);
        Assert.All(items.Skip(1), m => Assert.Equal("True", m.IsUpdating));
        Assert.All(items, m => Assert.Equal("000.17.22.H56", m.MaDonVi));
    }

    [Fact]
    public async Task An_insert_whose_answer_was_lost_is_looked_up_with_TraCuuHoSo_resent_as_an_update_and_stored_once()
    {
        var calls = new List<JsonObject>();
        await using var host = OneStopFactory.With(("NationalPortal:ClientRetries", "0"));
        host.PortalHandler = () => new LoseFirstDossierAnswer(host.Server.CreateHandler(), calls);
        var code = (await new DossierMill(host).SubmitAsync(1))[0];
        var dossierId = await host.QueryAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

        var lost = await host.Job().RunAsync(dossierId, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await host.Job().RunAsync(dossierId, CancellationToken.None);

        Assert.Equal((1, 0), (lost.TransientFailures, lost.Delivered));
        Assert.Equal(1, retried.Delivered);
        Assert.Equal(["DongBoHoSoMC", "TraCuuHoSo", "DongBoHoSoMC"], calls.Select(c => c.Str("service")));
        Assert.Equal(("False", "True"), (calls[0].Str("isUpdating"), calls[2].Str("isUpdating")));
        // The portal had the insert all along: the retry was recognised and nothing was stored twice.
        await host.AssertDeliveredInOrderAsync(host.PortalStore(), [code], duplicates: 1);
    }

    private static DvcqgCall Call(string code, int sequence, bool isUpdating) =>
        new(DvcqgPayload.DongBoHoSoMC, "000.17.22.H56", sequence, [PortalSamples.Entry(code, 2)], isUpdating);

    /// <summary>Lets the portal take the first DongBoHoSoMC, then drops its answer like a broken connection.</summary>
    private sealed class LoseFirstDossierAnswer(HttpMessageHandler inner, List<JsonObject> calls) : DelegatingHandler(inner)
    {
        private bool _lost;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            if (body?["service"] is not null)
                lock (calls)
                    calls.Add(body);
            var response = await base.SendAsync(request, cancellationToken);
            if (_lost || body?["service"]?.GetValue<string>() != DvcqgPayload.DongBoHoSoMC)
                return response;
            _lost = true;
            response.Dispose();
            throw new HttpRequestException("The connection was reset after the request was sent (test).");
        }
    }
}
