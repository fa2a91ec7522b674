using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Units;

/// <summary>Which unit runs a step (DESIGN §3, §4): named relative to the receiving unit, across merges.</summary>
public sealed class UnitTreeTests
{
    private static readonly DateOnly LongAgo = new(2000, 1, 1);
    private static readonly DateOnly Today = new(2026, 3, 9);

    private static UnitInfo Province(string code = "60") => new(code, "Tỉnh " + code, Levels.Province, null, "000.00.00.H56", LongAgo);

    private static UnitInfo District(string code = "593", string parent = "60", DateOnly? validTo = null, string? successor = null) =>
        new(code, "Huyện " + code, Levels.District, parent, "000.00.17.H56", LongAgo, validTo, successor);

    private static UnitInfo Commune(string code = "22918", string parent = "593", DateOnly? validTo = null, string? successor = null) =>
        new(code, "Xã " + code, Levels.Commune, parent, "000.17.22.H56", LongAgo, validTo, successor);

    private static readonly UnitTree ThreeLevels = new([Province(), District(), Commune()]);

    private static string? Resolve(UnitTree tree, string stepUnit, string receiving = "22918") =>
        tree.ResolveStepUnit(stepUnit, receiving, Today)?.Code;

    [Fact]
    public void Receiving_is_the_unit_that_received_the_dossier() =>
        Assert.Equal("22918", Resolve(ThreeLevels, StepUnits.Receiving));

    [Fact]
    public void Parent_is_the_receiving_units_parent()
    {
        Assert.Equal("593", Resolve(ThreeLevels, StepUnits.Parent));
        Assert.Equal("60", Resolve(ThreeLevels, StepUnits.Parent, receiving: "593"));
    }

    [Fact]
    public void The_province_has_no_parent() =>
        Assert.Null(Resolve(ThreeLevels, StepUnits.Parent, receiving: "60"));

    [Theory]
    [InlineData(Levels.Commune, "22918")]
    [InlineData(Levels.District, "593")]
    [InlineData(Levels.Province, "60")]
    public void A_level_is_the_receiving_unit_or_its_ancestor_at_that_level(string level, string expected) =>
        Assert.Equal(expected, Resolve(ThreeLevels, level));

    [Fact]
    public void A_lower_level_than_the_receiving_unit_resolves_to_the_receiving_unit_itself() =>
        Assert.Equal("593", Resolve(ThreeLevels, Levels.Commune, receiving: "593"));

    [Fact]
    public void An_explicit_unit_code_is_that_unit()
    {
        Assert.Equal("60", Resolve(ThreeLevels, "60"));
        Assert.Equal("593", Resolve(ThreeLevels, "593"));
    }

    [Fact]
    public void An_unknown_unit_code_resolves_to_nothing()
    {
        Assert.Null(Resolve(ThreeLevels, "99999"));
        Assert.Null(Resolve(ThreeLevels, StepUnits.Receiving, receiving: "99999"));
    }

    [Fact]
    public void A_merged_unit_resolves_to_its_successor()
    {
        var tree = new UnitTree([Province(), District(), Commune(validTo: new DateOnly(2025, 6, 30), successor: "22919"), Commune("22919")]);

        Assert.Equal("22919", tree.Current("22918", Today)?.Code);
        Assert.Equal("22919", Resolve(tree, StepUnits.Receiving));
        Assert.Equal("22919", Resolve(tree, "22918"));
        Assert.Equal("22919", Resolve(tree, Levels.Commune));
    }

    [Fact]
    public void A_merged_unit_is_still_itself_on_a_date_when_it_was_valid()
    {
        var tree = new UnitTree([Province(), District(), Commune(validTo: new DateOnly(2025, 6, 30), successor: "22919"), Commune("22919")]);

        Assert.Equal("22918", tree.ResolveStepUnit(StepUnits.Receiving, "22918", new DateOnly(2025, 6, 30))?.Code);
    }

    [Fact]
    public void Successor_links_are_followed_through_several_merges()
    {
        var tree = new UnitTree(
        [
            Province(), District(),
            Commune(validTo: new DateOnly(2024, 12, 31), successor: "22919"),
            Commune("22919", validTo: new DateOnly(2025, 6, 30), successor: "22920"),
            Commune("22920"),
        ]);

        Assert.Equal("22920", Resolve(tree, StepUnits.Receiving));
    }

    [Fact]
    public void A_merged_district_is_replaced_by_its_successor_in_the_branch()
    {
        var tree = new UnitTree([Province(), District(validTo: new DateOnly(2025, 6, 30), successor: "594"), District("594"), Commune()]);

        Assert.Equal("594", Resolve(tree, Levels.District));
        Assert.Equal("594", Resolve(tree, StepUnits.Parent));
        Assert.True(tree.IsSelfOrDescendant("22918", "594", Today));
    }

    [Fact]
    public void Where_the_district_level_is_gone_the_district_step_goes_to_the_province()
    {
        // Since 01/07/2025 the commune hangs directly under the province.
        var tree = new UnitTree([Province(), Commune(parent: "60")]);

        Assert.Equal("60", Resolve(tree, Levels.District));
        Assert.Equal("60", Resolve(tree, StepUnits.Parent));
        Assert.Equal("60", Resolve(tree, Levels.Province));
    }

    [Fact]
    public void A_district_abolished_into_its_province_sends_district_steps_to_the_province()
    {
        var tree = new UnitTree([Province(), District(validTo: new DateOnly(2025, 6, 30), successor: "60"), Commune()]);

        Assert.Equal("60", Resolve(tree, Levels.District));
        Assert.Equal(["22918", "60"], tree.SelfAndAncestors("22918", Today).Select(u => u.Code));
    }

    [Fact]
    public void Unit_codes_are_matched_without_regard_to_case()
    {
        var tree = new UnitTree([Province("HN"), Commune("ab1", parent: "HN")]);

        Assert.Equal("ab1", tree.Find("AB1")?.Code);
        Assert.Equal("HN", Resolve(tree, Levels.Province, receiving: "AB1"));
    }

    [Fact]
    public void Level_ranks_order_commune_below_district_below_province()
    {
        Assert.True(UnitTree.LevelRank(Levels.Commune) < UnitTree.LevelRank(Levels.District));
        Assert.True(UnitTree.LevelRank(Levels.District) < UnitTree.LevelRank(Levels.Province));
        Assert.Equal(0, UnitTree.LevelRank("ward"));
    }

    [Fact]
    public void A_stored_unit_snapshot_keeps_its_codes_and_validity()
    {
        var unit = new Unit("22918", "Phường Mũi Né", Levels.Commune, "593", "000.17.22.H56", LongAgo, new DateOnly(2025, 6, 30));

        var info = unit.ToInfo();

        Assert.Equal(("22918", "593", "000.17.22.H56", new DateOnly(2025, 6, 30)), (info.Code, info.ParentCode, info.AgencyCode, info.ValidTo));
        Assert.True(info.IsValidOn(new DateOnly(2025, 6, 30)));
        Assert.False(info.IsValidOn(new DateOnly(2025, 7, 1)));
    }
}
