using OneStop.Domain.Definitions;
using OneStop.Domain.Units;

namespace OneStop.Domain.Tests.Units;

/// <summary>
/// Dissolving a unit into several successors (DESIGN §3; the 2025 reform: districts abolished from 01/07/2025, their
/// powers to communes and some to the province — Law on the Organisation of Local Government 2025): the rules of the
/// plan, which successor is competent for a dossier, and where steps of the abolished level run afterwards.
/// </summary>
public sealed class UnitDissolutionTests
{
    private static readonly DateOnly LongAgo = new(2000, 1, 1);
    private static readonly DateOnly Reform = new(2025, 7, 1);

    private static readonly UnitInfo[] ThreeLevels =
    [
        new("60", "UBND tỉnh", Levels.Province, null, "000.00.00.H56", LongAgo),
        new("593", "UBND thành phố Phan Thiết", Levels.District, "60", "000.00.22.H56", LongAgo),
        new("22918", "UBND phường Hàm Tiến", Levels.Commune, "593", "000.17.22.H56", LongAgo),
        new("22915", "UBND phường Mũi Né", Levels.Commune, "593", "000.16.22.H56", LongAgo),
        new("22918.CA", "Công an phường Hàm Tiến", Levels.Commune, "22918", "000.17.22.H56.CA", LongAgo, Kind: UnitKinds.Agency),
        new("596", "UBND huyện Bắc Bình", Levels.District, "60", "000.00.26.H56", LongAgo, new DateOnly(2025, 6, 30), "60"),
    ];

    private static readonly UnitTree Before = new(ThreeLevels);

    /// <summary>593 into the province (which takes both wards as children) and the two wards; communes are competent by default.</summary>
    private static UnitDissolution Plan(params CompetenceRule[] rules) => new(Reform,
        [new DissolutionSuccessor("60", ["22918", "22915"]), new DissolutionSuccessor("22918"), new DissolutionSuccessor("22915")],
        rules.Length > 0 ? rules : [new CompetenceRule(null, Levels.Commune)]);

    private static IReadOnlyList<UnitProblem> Check(UnitDissolution plan, string unit = "593") =>
        UnitDissolving.Check(Before.Find(unit)!, plan, Before, id => id is "ho-kinh-doanh" or "karaoke", new HashSet<string> { "tiepnhan.huyen" });

    /// <summary>The tree once 593 is dissolved by <paramref name="plan"/>: children re-parented, 593 ended with its plan.</summary>
    private static UnitTree After(UnitDissolution plan)
    {
        var parents = UnitDissolving.NewParents(plan);
        return new UnitTree(ThreeLevels.Select(u =>
            u.Code == "593" ? u with { ValidTo = Reform.AddDays(-1), SuccessorCode = "60", Dissolution = plan with { Area = [.. parents.Keys] } }
            : parents.TryGetValue(u.Code, out var parent) ? u with { ParentCode = parent } : u));
    }

    [Fact]
    public void A_district_dissolved_into_its_two_wards_and_the_province_passes_the_rules() =>
        Assert.Empty(Check(Plan(new CompetenceRule(null, Levels.Commune), new CompetenceRule("karaoke", Levels.Province))));

    [Fact]
    public void Dissolving_a_unit_into_itself_is_refused_naming_the_successor() =>
        Assert.Contains(Check(Plan() with { Successors = [new DissolutionSuccessor("593", ["22918", "22915"])] }),
            p => p.Field == "successors[0].unitCode" && p.Message.Contains("chính nó"));

    [Fact]
    public void Dissolving_into_a_unit_that_has_ended_is_refused_naming_the_successor() =>
        Assert.Contains(Check(Plan() with { Successors = [new DissolutionSuccessor("60", ["22918", "22915"]), new DissolutionSuccessor("596")] }),
            p => p.Field == "successors[1].unitCode" && p.Message.Contains("596"));

    [Fact]
    public void A_child_left_without_a_successor_is_refused() =>
        Assert.Contains(Check(Plan() with { Successors = [new DissolutionSuccessor("60", ["22918"])] }),
            p => p.Field == "successors" && p.Message.Contains("22915"));

    [Fact]
    public void A_child_placed_under_itself_is_refused() =>
        Assert.Contains(Check(Plan() with { Successors = [new DissolutionSuccessor("22918", ["22918", "22915"])] }),
            p => p.Field == "successors[0].childCodes[0]");

    [Fact]
    public void A_child_placed_under_its_own_agency_would_make_a_cycle() =>
        Assert.Contains(Check(Plan() with { Successors = [new DissolutionSuccessor("22918.CA", ["22918", "22915"])] }),
            p => p.Field == "successors[0].childCodes[0]" && p.Message.Contains("vòng lặp"));

    [Fact]
    public void A_competence_level_no_successor_has_is_refused() =>
        Assert.Contains(Check(Plan(new CompetenceRule(null, Levels.District))), p => p.Field == "competence[0].level");

    [Fact]
    public void A_competence_rule_for_an_unknown_procedure_is_refused() =>
        Assert.Contains(Check(Plan(new CompetenceRule("khong-co", Levels.Province))), p => p.Field == "competence[0].procedureId");

    [Fact]
    public void An_officer_of_another_unit_cannot_be_moved() =>
        Assert.Contains(Check(Plan() with { Successors = [new DissolutionSuccessor("60", ["22918", "22915"], ["tiepnhan.xa"])] }),
            p => p.Field == "successors[0].officers[0]");

    [Fact]
    public void A_unit_already_ended_cannot_be_dissolved_again() =>
        Assert.Equal(("code", true), (Check(Plan(), "596")[0].Field, Check(Plan(), "596")[0].IsConflict));

    [Fact]
    public void A_dossier_goes_to_the_successor_of_the_competent_level_whose_area_holds_the_applicants_commune()
    {
        var plan = Plan(new CompetenceRule(null, Levels.Commune), new CompetenceRule("karaoke", Levels.Province));
        var after = After(plan);

        Assert.Equal("22915", plan.SuccessorFor("ho-kinh-doanh", "22915", after, Reform));
        Assert.Equal("22918", plan.SuccessorFor("ho-kinh-doanh", "22918", after, Reform));
        // No commune known: the first successor of the level.
        Assert.Equal("22918", plan.SuccessorFor("ho-kinh-doanh", null, after, Reform));
        // A procedure given to the province goes there whatever the commune.
        Assert.Equal("60", plan.SuccessorFor("karaoke", "22915", after, Reform));
    }

    [Fact]
    public void With_no_competence_rule_a_dossier_goes_to_the_first_successor()
    {
        var plan = Plan() with { Competence = [] };

        Assert.Equal("60", plan.SuccessorFor("ho-kinh-doanh", "22915", After(plan), Reform));
    }

    [Fact]
    public void After_the_dissolution_a_district_step_runs_at_the_level_the_competence_rule_names()
    {
        var after = After(Plan(new CompetenceRule(null, Levels.Commune), new CompetenceRule("karaoke", Levels.Province)));

        // The ward now hangs under the province; the rule gives the district's work to the commune.
        Assert.Equal("22918", after.ResolveStepUnit(Levels.District, "22918", Reform, "ho-kinh-doanh")?.Code);
        Assert.Equal("60", after.ResolveStepUnit(Levels.District, "22918", Reform, "karaoke")?.Code);
    }

    [Fact]
    public void A_step_naming_its_own_level_after_the_reform_runs_there_whatever_the_rules()
    {
        var after = After(Plan(new CompetenceRule(null, Levels.Commune)));

        Assert.Equal("60", after.ResolveStepUnit(Levels.District, "22918", Reform, "ho-kinh-doanh", afterReform: Levels.Province)?.Code);
    }

    [Fact]
    public void A_merged_district_without_rules_still_hands_its_steps_to_the_nearest_higher_level()
    {
        // 596 was merged into the province (one successor, no rules): its communes' district steps go up.
        var tree = new UnitTree([.. ThreeLevels, new UnitInfo("23005", "UBND thị trấn Chợ Lầu", Levels.Commune, "60", "000.11.26.H56", LongAgo)]);

        Assert.Equal("60", tree.ResolveStepUnit(Levels.District, "23005", Reform, "ho-kinh-doanh")?.Code);
    }
}
