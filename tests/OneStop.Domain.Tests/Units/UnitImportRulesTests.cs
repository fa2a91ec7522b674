using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Units;

/// <summary>
/// Loading a province's list (DESIGN §3): the whole list is checked before anything is written, and each fault names
/// its entry's field, so a province fixes its file and loads it again.
/// </summary>
public sealed class UnitImportRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 9);

    private static readonly UnitInfo[] Existing =
    [
        new("60", "UBND tỉnh Bình Thuận", Levels.Province, null, "000.00.00.H56", new DateOnly(2000, 1, 1)),
        new("593", "UBND thành phố Phan Thiết", Levels.District, "60", "000.00.22.H56", new DateOnly(2000, 1, 1)),
        new("596", "UBND huyện Bắc Bình", Levels.District, "60", "000.00.26.H56", new DateOnly(2000, 1, 1), new DateOnly(2025, 6, 30), "60"),
    ];

    private static IReadOnlyList<UnitProblem> Check(params UnitDraft[] drafts) =>
        UnitRules.Check(drafts, Existing, Today, onlyNew: false, i => $"units[{i}].").Problems;

    private static UnitDraft Commune(string code, string parent = "04", string name = "UBND xã") => new(code, name, Levels.Commune, ParentCode: parent);

    [Fact]
    public void A_province_listed_with_its_communes_after_them_loads_in_one_go()
    {
        var (problems, units) = UnitRules.Check(
            [Commune("01273"), Commune("01279"), new UnitDraft("04", "UBND tỉnh Cao Bằng", Levels.Province), new UnitDraft("04.STC", "Sở Tài chính", Levels.Province, UnitKinds.Agency, "04")],
            Existing, Today, onlyNew: false, i => $"units[{i}].");

        Assert.Empty(problems);
        Assert.Equal(["01273", "01279", "04", "04.STC"], units.Select(u => u.Code));
        Assert.All(units, u => Assert.True(u.IsNew));
        Assert.Equal("01273", units[0].AgencyCode); // no DVCQG code given: the unit's own
    }

    [Fact]
    public void A_duplicate_code_names_the_second_entry_and_the_first()
    {
        var problem = Assert.Single(Check(new UnitDraft("04", "Tỉnh", Levels.Province), Commune("01273"), Commune("01273")));

        Assert.Equal("units[2].code", problem.Field);
        Assert.Contains("units[1].code", problem.Message);
    }

    [Fact]
    public void A_parent_cycle_is_named_with_its_path()
    {
        var problems = Check(new UnitDraft("A", "Xã A", Levels.Commune, UnitKinds.Agency, "B"), new UnitDraft("B", "Xã B", Levels.Commune, UnitKinds.Agency, "A"));

        Assert.Contains(problems, p => p.Field == "units[0].parentCode" && p.Message.Contains("A → B → A"));
        Assert.Contains(problems, p => p.Field == "units[1].parentCode" && p.Message.Contains("B → A → B"));
    }

    [Fact]
    public void An_unknown_parent_names_the_entrys_parentCode() =>
        Assert.Equal("units[0].parentCode", Only(Check(Commune("01273", parent: "99")), p => p.Field));

    [Fact]
    public void A_parent_that_has_ended_is_refused() =>
        Assert.Equal("units[0].parentCode", Only(Check(Commune("01273", parent: "596")), p => p.Field));

    [Theory]
    [InlineData("xa")]
    [InlineData("")]
    public void A_bad_level_names_the_entrys_level(string level) =>
        Assert.Equal("units[0].level", Only(Check(new UnitDraft("01273", "UBND xã", level, ParentCode: "60")), p => p.Field));

    [Fact]
    public void A_committee_under_a_committee_of_its_own_level_is_a_bad_level() =>
        Assert.Equal("units[1].level", Only(Check(Commune("01273", parent: "60"), Commune("01274", parent: "01273")), p => p.Field));

    [Fact]
    public void An_agency_may_sit_under_the_committee_of_its_own_level() =>
        Assert.Empty(Check(Commune("01273", parent: "60"), new UnitDraft("01273.CA", "Công an phường", Levels.Commune, UnitKinds.Agency, "01273")));

    [Fact]
    public void A_commune_without_a_parent_is_refused() =>
        Assert.Equal("units[0].parentCode", Only(Check(new UnitDraft("01273", "UBND xã", Levels.Commune)), p => p.Field));

    [Fact]
    public void An_agency_code_with_a_dash_is_refused_because_dashes_separate_dossier_codes() =>
        Assert.Equal("units[0].agencyCode", Only(Check(Commune("01273", parent: "60") with { AgencyCode = "000-01" }), p => p.Field));

    [Fact]
    public void An_existing_unit_listed_again_is_renamed_and_re_parented_not_duplicated()
    {
        var (problems, units) = UnitRules.Check([new UnitDraft("593", "UBND thành phố Phan Thiết (mới)", Levels.District, ParentCode: "60")],
            Existing, Today, onlyNew: false, i => $"units[{i}].");

        Assert.Empty(problems);
        Assert.False(units[0].IsNew);
        Assert.Equal("UBND thành phố Phan Thiết (mới)", units[0].Name);
    }

    [Fact]
    public void Creating_a_unit_whose_code_exists_is_a_conflict()
    {
        var problems = UnitRules.Check([new UnitDraft("593", "Trùng", Levels.District, ParentCode: "60")], Existing, Today, onlyNew: true, _ => "").Problems;

        Assert.Equal(("code", true), Only(problems, p => (p.Field, p.IsConflict)));
    }

    [Fact]
    public void A_unit_that_has_ended_cannot_be_changed() =>
        Assert.Equal("units[0].code", Only(Check(new UnitDraft("596", "Bắc Bình", Levels.District, ParentCode: "60")), p => p.Field));

    private static T Only<T>(IReadOnlyList<UnitProblem> problems, Func<UnitProblem, T> select) => select(Assert.Single(problems));
}
