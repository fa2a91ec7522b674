using System.Net;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Platform;

/// <summary>The public procedure catalogue (DESIGN §10): what an applicant needs before coming to the counter.</summary>
public sealed class ProceduresTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task The_catalogue_lists_the_shipped_procedures_at_the_levels_in_force()
    {
        var response = await factory.CreateClient().GetAsync(Routes.Procedures);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadJsonAsync();
        var items = list["items"]!.AsArray();
        Assert.True(items.Count >= 6, $"only {items.Count} procedures");
        Assert.Equal(items.Count, list["total"]!.GetValue<int>());
        Assert.All(items, p =>
        {
            foreach (var field in new[] { "id", "name", "procedureCode", "level", "onlineLevel" })
                Assert.False(string.IsNullOrWhiteSpace(p.Str(field)), $"{field} of {p}");
            Assert.True(p!["version"]!.GetValue<int>() >= 1);
            Assert.Contains(p.Str("onlineLevel"), new[] { "full", "partial", "none" });
        });
        // Since 01/07/2025 no procedure is given to a district (Law on the Organisation of Local Government 2025).
        Assert.Equal(["commune", "province"], items.Select(p => p.Str("level")).Distinct().Order());
        var birth = items.Single(p => p.Str("id") == "ho-tich.dang-ky-khai-sinh")!;
        Assert.Equal("1.001193", birth.Str("procedureCode"));
        Assert.Equal("commune", birth.Str("level"));
        Assert.Equal("full", birth.Str("onlineLevel"));
    }

    [Fact]
    public async Task The_catalogue_can_be_filtered_by_level()
    {
        var list = await (await factory.CreateClient().GetAsync($"{Routes.Procedures}?level=province")).ReadJsonAsync();

        var items = list["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, p => Assert.Equal("province", p.Str("level")));
    }

    [Fact]
    public async Task A_procedure_shows_its_papers_fee_processing_time_and_steps()
    {
        var response = await factory.CreateClient().GetAsync($"{Routes.Procedures}/ho-tich.dang-ky-khai-sinh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var procedure = await response.ReadJsonAsync();
        Assert.Equal("Đăng ký khai sinh", procedure.Str("name"));
        Assert.Equal(1, procedure["version"]!.GetValue<int>());

        var documents = procedure["documents"]!.AsArray();
        Assert.All(documents, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Str("code")));
            Assert.False(string.IsNullOrWhiteSpace(d.Str("name")));
            Assert.NotNull(d!["required"]);
            Assert.NotNull(d["reusable"]);
        });
        Assert.Equal(["TKKS", "GCS"], documents.Where(d => d!["required"]!.GetValue<bool>()).Select(d => d.Str("code")));
        Assert.True(documents.Single(d => d.Str("code") == "GCNKH")!["reusable"]!.GetValue<bool>());

        Assert.Equal(0m, procedure["fee"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("VND", procedure["fee"].Str("currency"));
        // Same day (Law on Civil Status 2014 art. 16; received after 15:00, the next working day).
        Assert.True(procedure["processingTime"]!["sameDay"]!.GetValue<bool>());
        Assert.NotEmpty(procedure["legalBasis"]!.AsArray());
        Assert.Equal("GKS", procedure["result"].Str("code"));
        var steps = procedure["steps"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(4, steps.Count);
        Assert.Equal("Tiếp nhận hồ sơ", steps[0]);
        Assert.Equal("Trả kết quả", steps[^1]);
    }

    [Fact]
    public async Task An_unknown_procedure_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync($"{Routes.Procedures}/khong-ton-tai.thu-tuc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.ReadJsonAsync())["status"]!.GetValue<int>());
    }
}
