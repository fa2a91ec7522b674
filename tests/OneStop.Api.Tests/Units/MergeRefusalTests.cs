using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Units;

/// <summary>Merges a newcomer might try that must be refused with a clear 4xx and change nothing (DESIGN §3, issue 4).</summary>
public sealed class MergeRefusalTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    public static TheoryData<string, string, HttpStatusCode, string> Refused() => new()
    {
        { Demo.District, Demo.District, HttpStatusCode.UnprocessableEntity, "chính nó" },
        { Demo.Province, Demo.District, HttpStatusCode.UnprocessableEntity, "trực thuộc" },
        { Demo.District, Demo.Commune, HttpStatusCode.UnprocessableEntity, "trực thuộc" },
        { Demo.Province, Demo.Commune, HttpStatusCode.UnprocessableEntity, "trực thuộc" },
        // Bắc Bình ended on 30/06/2025 (the seeded 2025 reform): nothing can merge into it any more.
        { Demo.District, "596", HttpStatusCode.UnprocessableEntity, "596" },
        { "596", Demo.Province, HttpStatusCode.Conflict, "đã được sáp nhập" },
        { "99999", Demo.Province, HttpStatusCode.NotFound, "99999" },
        { Demo.District, "99999", HttpStatusCode.NotFound, "99999" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_wrong_merge_is_refused_with_a_problem_and_changes_nothing(string code, string successor, HttpStatusCode expected, string named)
    {
        await OpenDossierAtTheDistrictAsync();
        var before = await StateAsync();
        var admin = await factory.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync(Routes.Merge(code, successor), new { comment = "Thử" });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(named, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Merging_into_the_own_child_names_the_successorCode_field()
    {
        var admin = await factory.SignInAsync("admin");

        var problem = await (await admin.PostAsync(Routes.Merge(Demo.Province, Demo.District), null)).ReadJsonAsync();

        Assert.NotNull(problem["errors"]?["successorCode"]);
    }

    [Fact]
    public async Task An_effective_date_in_the_future_is_refused_because_the_work_would_move_too_early()
    {
        await OpenDossierAtTheDistrictAsync();
        var before = await StateAsync();
        var admin = await factory.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync(Routes.Merge(Demo.District, Demo.Province), new { effectiveDate = "2026-07-01" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]?["effectiveDate"]);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task An_effective_date_before_the_unit_began_is_refused()
    {
        var before = await StateAsync();
        var admin = await factory.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync(Routes.Merge(Demo.District, Demo.Province), new { effectiveDate = "2019-01-01" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_comment_longer_than_allowed_is_a_422_naming_it()
    {
        var before = await StateAsync();
        var admin = await factory.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync(Routes.Merge(Demo.District, Demo.Province), new { comment = new string('x', 1001) });

        // Issue 15: a well-formed value too long to store is a 422 naming the field (it was a 400 before).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"comment\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData("tiepnhan.huyen")]
    [InlineData("lanhdao.tinh")]
    [InlineData("congdan")]
    public async Task Only_an_admin_may_merge(string userName)
    {
        var before = await StateAsync();
        var client = await factory.SignInAsync(userName);

        var response = await client.PostAsync(Routes.Merge(Demo.District, Demo.Province), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task An_anonymous_merge_is_unauthorized()
    {
        var before = await StateAsync();

        var response = await factory.CreateClient().PostAsync(Routes.Merge(Demo.District, Demo.Province), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>An open dossier received at 593, so a merge that wrongly went through would have something to move.</summary>
    private async Task OpenDossierAtTheDistrictAsync() =>
        await new DossierDriver(factory).SubmitAsync(DossierDriver.DistrictLevel, Demo.District);

    /// <summary>The database snapshot, every unit row and every officer's unit.</summary>
    private Task<(DatabaseSnapshot, string, string)> StateAsync() => factory.QueryAsync(async db => (
        await factory.SnapshotAsync(),
        string.Join(";", (await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync())
            .Select(u => $"{u.Code}|{u.ParentCode}|{u.ValidFrom}|{u.ValidTo}|{u.SuccessorCode}")),
        string.Join(";", await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.UserName + "@" + u.UnitCode).ToListAsync())));
}
