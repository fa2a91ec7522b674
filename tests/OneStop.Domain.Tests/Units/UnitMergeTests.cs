using OneStop.Domain;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Domain.Tests.Dossiers;
using OneStop.Domain.Units;

using static OneStop.Domain.Tests.Dossiers.VietnamTime;

namespace OneStop.Domain.Tests.Units;

/// <summary>Merging a unit into its successor (DESIGN §3): its validity ends, nothing else about it is rewritten.</summary>
public sealed class UnitMergeTests
{
    private static readonly DateOnly Since = new(2020, 1, 1);
    private static readonly DateOnly Reform = new(2025, 7, 1);

    private static Unit Province(string code = "60") => new(code, "Tỉnh " + code, Levels.Province, null, "000.00.00.H56", Since);

    private static Unit District(string code = "593", DateOnly? validTo = null, string? successor = null) =>
        new(code, "Huyện " + code, Levels.District, "60", "000.00.22.H56", Since, validTo, successor);

    private static Unit Commune(string code = "22918", string parent = "593") =>
        new(code, "Xã " + code, Levels.Commune, parent, "000.17.22.H56", Since);

    private static UnitTree Tree(params Unit[] units) => new(units.Select(u => u.ToInfo()));

    /// <summary>The merge is refused and the unit is exactly as it was.</summary>
    private static UnitRefusedException Refused(Unit unit, Unit successor, DateOnly effective, UnitTree tree)
    {
        var before = unit.ToInfo();
        var refusal = Assert.Throws<UnitRefusedException>(() => unit.MergeInto(successor, effective, tree));
        Assert.Equal(before, unit.ToInfo());
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        return refusal;
    }

    [Fact]
    public void A_merged_district_ends_the_day_before_and_names_its_successor()
    {
        var (province, district) = (Province(), District());

        district.MergeInto(province, Reform, Tree(province, district, Commune()));

        Assert.Equal((new DateOnly(2025, 6, 30), "60"), (district.ValidTo, district.SuccessorCode));
        Assert.Equal(("60", Levels.District, Since), (district.ParentCode, district.Level, district.ValidFrom));
        Assert.True(district.ToInfo().IsValidOn(new DateOnly(2025, 6, 30)));
        Assert.False(district.ToInfo().IsValidOn(Reform));
    }

    [Fact]
    public void After_the_merge_the_tree_sends_the_district_and_its_steps_to_the_successor()
    {
        var (province, district, commune) = (Province(), District(), Commune());
        district.MergeInto(province, Reform, Tree(province, district, commune));
        commune.MoveUnder(province);

        var tree = Tree(province, district, commune);

        Assert.Equal("60", tree.Current("593", Reform)?.Code);
        Assert.Equal("60", tree.ResolveStepUnit(Levels.District, "22918", Reform)?.Code);
        Assert.Equal(["22918", "60"], tree.SelfAndAncestors("22918", Reform).Select(u => u.Code));
    }

    [Fact]
    public void A_commune_left_under_the_merged_district_still_reaches_the_successor()
    {
        var (province, district, commune) = (Province(), District(), Commune());
        district.MergeInto(province, Reform, Tree(province, district, commune));

        var tree = Tree(province, district, commune);

        Assert.Equal("60", tree.ResolveStepUnit(Levels.District, "22918", Reform)?.Code);
        Assert.Equal("593", tree.ResolveStepUnit(Levels.District, "22918", new DateOnly(2025, 6, 30))?.Code);
    }

    [Fact]
    public void A_commune_may_merge_into_a_neighbouring_commune()
    {
        var (neighbour, commune) = (Commune("22915"), Commune());

        commune.MergeInto(neighbour, Reform, Tree(Province(), District(), neighbour, commune));

        Assert.Equal("22915", commune.SuccessorCode);
    }

    [Fact]
    public void A_unit_cannot_merge_into_itself()
    {
        var district = District();

        var refusal = Refused(district, District(), Reform, Tree(Province(), district));

        Assert.Equal((RefusalKind.Invalid, "successorCode"), (refusal.Kind, refusal.Field));
        Assert.Contains("chính nó", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_cannot_merge_into_its_own_district()
    {
        var (province, district) = (Province(), District());

        var refusal = Refused(province, district, Reform, Tree(province, district, Commune()));

        Assert.Equal((RefusalKind.Invalid, "successorCode"), (refusal.Kind, refusal.Field));
        Assert.Contains("trực thuộc", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_cannot_merge_into_a_grandchild()
    {
        var (province, commune) = (Province(), Commune());

        var refusal = Refused(province, commune, Reform, Tree(province, District(), commune));

        Assert.Equal((RefusalKind.Invalid, "successorCode"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_unit_already_merged_cannot_merge_again_and_that_is_a_conflict()
    {
        var (province, district) = (Province(), District());
        district.MergeInto(province, Reform, Tree(province, district));

        var refusal = Refused(district, Province("61"), new DateOnly(2026, 1, 1), Tree(province, Province("61"), district));

        Assert.Equal((RefusalKind.Conflict, "code"), (refusal.Kind, refusal.Field));
        Assert.Contains("60", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("01/07/2025", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successor_that_is_no_longer_valid_on_the_effective_date_is_refused()
    {
        var gone = District("596", validTo: new DateOnly(2025, 6, 30), successor: "60");
        var district = District();

        var refusal = Refused(district, gone, new DateOnly(2026, 3, 2), Tree(Province(), gone, district));

        Assert.Equal((RefusalKind.Invalid, "successorCode"), (refusal.Kind, refusal.Field));
        Assert.Contains("596", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successor_that_did_not_exist_yet_on_the_effective_date_is_refused()
    {
        var later = new Unit("61", "Tỉnh mới", Levels.Province, null, "000.00.00.H57", new DateOnly(2025, 7, 1));

        var refusal = Refused(District(), later, new DateOnly(2025, 6, 1), Tree(Province(), later, District()));

        Assert.Equal("successorCode", refusal.Field);
    }

    [Fact]
    public void A_district_cannot_hand_its_work_to_a_commune_of_another_branch()
    {
        var (district, commune) = (District(), Commune("23005", parent: "60"));

        var refusal = Refused(district, commune, Reform, Tree(Province(), district, commune));

        Assert.Equal((RefusalKind.Invalid, "successorCode"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void The_effective_date_must_fall_after_the_unit_began()
    {
        var (province, district) = (Province(), District());

        var refusal = Refused(district, province, Since, Tree(province, district));

        Assert.Equal((RefusalKind.Invalid, "effectiveDate"), (refusal.Kind, refusal.Field));
    }
}

/// <summary>An open dossier follows its unit into the successor; its history keeps the original unit.</summary>
public sealed class DossierUnitTransferTests
{
    private static readonly Actor Admin = new("admin", new HashSet<string> { RoleNames.Admin }, null);

    /// <summary>Received at the commune and forwarded to the district leader, at 593.</summary>
    private static (DossierDesk Desk, Dossier Dossier) AtTheDistrict()
    {
        var desk = new DossierDesk(TestDefinitions.CrossLevel);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Specialist(), DossierActions.Forward, Vn(2026, 3, 9, 9, 0));
        return (desk, dossier);
    }

    [Fact]
    public void A_dossier_at_the_merged_district_moves_to_the_successor_with_a_transfer_event()
    {
        var (_, dossier) = AtTheDistrict();
        var before = (dossier.Status, dossier.CurrentStepId, dossier.DueDate, dossier.StepDueDate, dossier.Version, Events: dossier.Events.Count);

        dossier.TransferUnit("593", "60", Admin, Vn(2026, 3, 9, 10, 0), "Sáp nhập.");

        Assert.Equal(("60", "22918"), (dossier.CurrentUnitCode, dossier.ReceivingUnitCode));
        Assert.Equal((before.Status, before.CurrentStepId, before.DueDate, before.StepDueDate), (dossier.Status, dossier.CurrentStepId, dossier.DueDate, dossier.StepDueDate));
        Assert.Equal((before.Version + 1, before.Events + 1), (dossier.Version, dossier.Events.Count));
        var transfer = dossier.Events[^1];
        Assert.Equal((DossierActions.Transfer, "admin", "593", "60"), (transfer.Action, transfer.Actor, transfer.UnitCode, transfer.ToUnitCode));
        Assert.Equal((dossier.Status, dossier.Status), (transfer.FromStatus, transfer.ToStatus));
        Assert.Equal(("quyet-dinh-huyen", "quyet-dinh-huyen"), (transfer.FromStep, transfer.ToStep));
        Assert.Equal(before.Events + 1, transfer.Sequence);
        Assert.Contains("593", transfer.Comment, StringComparison.Ordinal);
        Assert.Contains("60", transfer.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Earlier_events_keep_naming_the_original_unit()
    {
        var (_, dossier) = AtTheDistrict();
        var earlier = dossier.Events.Select(e => (e.Sequence, e.UnitCode, e.ToUnitCode, e.Comment)).ToList();

        dossier.TransferUnit("593", "60", Admin, Vn(2026, 3, 9, 10, 0), "Sáp nhập.");

        Assert.Equal(earlier, dossier.Events.Take(earlier.Count).Select(e => (e.Sequence, e.UnitCode, e.ToUnitCode, e.Comment)));
        Assert.Contains(dossier.Events, e => e.ToUnitCode == "593" && e.Action == DossierActions.Forward);
    }

    [Fact]
    public void A_dossier_received_at_the_merged_unit_moves_its_receiving_unit_too()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        dossier.TransferUnit("22918", "22915", Admin, Vn(2026, 3, 9, 10, 0), "Sáp nhập xã.");

        Assert.Equal(("22915", "22915"), (dossier.CurrentUnitCode, dossier.ReceivingUnitCode));
    }

    [Fact]
    public void A_dossier_elsewhere_keeps_its_current_unit_when_only_its_receiving_unit_merges()
    {
        var (_, dossier) = AtTheDistrict();

        dossier.TransferUnit("22918", "22915", Admin, Vn(2026, 3, 9, 10, 0), "Sáp nhập xã.");

        Assert.Equal(("593", "22915"), (dossier.CurrentUnitCode, dossier.ReceivingUnitCode));
        Assert.Equal(("22918", "593"), (dossier.Events[^1].UnitCode, dossier.Events[^1].ToUnitCode));
    }

    [Fact]
    public void A_closed_dossier_is_not_transferred()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Submit(People.Reception(), Vn(2026, 3, 9, 8, 0));
        desk.Act(dossier, People.Reception(), DossierActions.Refuse, Vn(2026, 3, 9, 8, 5), new ActionRequest(Comment: "Sai thẩm quyền."));
        var version = dossier.Version;

        var refusal = Assert.Throws<DossierRefusedException>(() => dossier.TransferUnit("22918", "22915", Admin, Vn(2026, 3, 9, 10, 0), "Sáp nhập."));

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Equal(("22918", version), (dossier.CurrentUnitCode, dossier.Version));
    }

    [Fact]
    public void A_dossier_not_at_the_merged_unit_is_not_transferred()
    {
        var desk = new DossierDesk(TestDefinitions.BirthRegistration);
        var dossier = desk.Received(Vn(2026, 3, 9, 8, 0));

        var refusal = Assert.Throws<DossierRefusedException>(() => dossier.TransferUnit("596", "60", Admin, Vn(2026, 3, 9, 10, 0), "Sáp nhập."));

        Assert.Equal((RefusalKind.Invalid, "fromUnit"), (refusal.Kind, refusal.Field));
        Assert.Equal(2, dossier.Events.Count);
    }
}
