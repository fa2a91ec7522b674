using System.Net;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Platform;

/// <summary>The unit tree of DESIGN §3 and §12, readable by anyone.</summary>
public sealed class UnitsTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task The_unit_list_holds_the_demo_province_district_and_commune_linked_by_parents()
    {
        var response = await factory.CreateClient().GetAsync("/api/units");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadJsonAsync();
        var units = list["items"]!.AsArray().ToDictionary(u => u.Str("code"), u => u!.AsObject());
        Assert.Equal(units.Count, list["total"]!.GetValue<int>());

        Assert.Equal("province", units[Demo.Province].Str("level"));
        Assert.Null(units[Demo.Province]["parentCode"]);
        Assert.Equal("district", units[Demo.District].Str("level"));
        Assert.Equal(Demo.Province, units[Demo.District].Str("parentCode"));
        Assert.Equal("commune", units[Demo.Commune].Str("level"));
        Assert.Equal(Demo.District, units[Demo.Commune].Str("parentCode"));

        Assert.Contains(Demo.District, Children(units[Demo.Province]));
        Assert.Contains(Demo.Commune, Children(units[Demo.District]));
        // A commune's only children are its agencies: the ward police that registers residence (DESIGN §12: 22918.CA).
        Assert.Equal([Demo.CommunePolice], Children(units[Demo.Commune]));
        Assert.Equal("agency", units[Demo.CommunePolice].Str("kind"));
        Assert.True(units.Values.Count(u => u.Str("level") == "district") >= 2);
        Assert.True(units.Values.Count(u => u.Str("level") == "commune") >= 4);
    }

    [Fact]
    public async Task One_unit_is_read_with_its_agency_code_and_parent()
    {
        var response = await factory.CreateClient().GetAsync($"/api/units/{Demo.Commune}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = await response.ReadJsonAsync();
        Assert.Equal(Demo.Commune, unit.Str("code"));
        Assert.Equal(Demo.District, unit.Str("parentCode"));
        Assert.False(string.IsNullOrWhiteSpace(unit.Str("name")));
        Assert.False(string.IsNullOrWhiteSpace(unit.Str("agencyCode")));
        Assert.Null(unit["validTo"]);
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/units/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Contains("nope", problem.Str("detail"));
    }

    private static List<string> Children(JsonObject unit) => unit["childCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
}
