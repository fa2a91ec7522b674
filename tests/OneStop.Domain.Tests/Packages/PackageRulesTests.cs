using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;

namespace OneStop.Domain.Tests.Packages;

/// <summary>
/// What a package decides (DESIGN §4.2): which members start when, which never will and why, what withdrawing means,
/// and the package's status derived from its members'.
/// </summary>
public sealed class PackageRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    // a → (b, c); d waits for c: cancelling a reaches d through c.
    private static DossierPackage Submitted() => DossierPackage.Submit(
        new WorkflowDefinition { Id = "lien-thong.mau", Version = 1, Kind = DefinitionKinds.Package, Name = "Mẫu", Level = Levels.Commune, OnlineLevel = "full" },
        "000.17.22.H56-260302-0001", "ABCD2345", new Applicant("060095000123", "Nguyễn Văn Công Dân"), Channel.Online, "22918", "congdan", Now,
        [
            Plan("a"),
            Plan("b", "a"),
            Plan("c", "a"),
            Plan("d", "c"),
        ]);

    private static MemberPlan Plan(string id, params string[] after) =>
        new(new PackageMember { ProcedureId = id, After = after }, 1, "22918", [], null);

    private static Func<PackageMemberDossier, DossierStatus?> Statuses(params (string Id, DossierStatus Status)[] statuses) =>
        m => statuses.Where(s => s.Id == m.ProcedureId).Select(s => (DossierStatus?)s.Status).FirstOrDefault();

    [Fact]
    public void Only_members_waiting_for_nobody_start_at_submission()
    {
        var package = Submitted();

        Assert.Equal(["a"], package.ReadyToStart(Statuses()).Select(m => m.ProcedureId));
    }

    [Theory]
    [InlineData(DossierStatus.Submitted, "")]
    [InlineData(DossierStatus.InProgress, "")]
    [InlineData(DossierStatus.Resolved, "b,c")]
    [InlineData(DossierStatus.Returned, "b,c")]
    public void Members_start_once_everything_they_wait_for_has_a_result(DossierStatus first, string expected)
    {
        var package = Submitted();
        package.MarkStarted(package.Member("a")!, "A-1", Now);

        var ready = package.ReadyToStart(Statuses(("a", first))).Select(m => m.ProcedureId);

        Assert.Equal(expected, string.Join(',', ready));
    }

    [Fact]
    public void A_member_refused_at_reception_cancels_every_member_waiting_for_it_directly_or_not_with_a_reason()
    {
        var package = Submitted();
        package.MarkStarted(package.Member("a")!, "A-1", Now);
        var version = package.Version;

        var cancelled = package.CancelWaitingOn("a", "Đăng ký khai sinh", DossierStatus.NotAccepted, Now);

        Assert.Equal(["b", "c", "d"], cancelled.Select(m => m.ProcedureId).Order());
        Assert.All(cancelled, m => Assert.Equal(MemberState.Cancelled, m.State));
        Assert.All(cancelled, m => Assert.Contains("'Đăng ký khai sinh' (hồ sơ A-1) bị từ chối tiếp nhận", m.CancelReason));
        Assert.Equal(version + 1, package.Version);
    }

    [Fact]
    public void A_member_stopped_cancels_only_those_waiting_for_it_and_says_stopped()
    {
        var package = Submitted();
        package.MarkStarted(package.Member("a")!, "A-1", Now);
        package.MarkStarted(package.Member("b")!, "B-1", Now);
        package.MarkStarted(package.Member("c")!, "C-1", Now);

        var cancelled = package.CancelWaitingOn("c", "Thủ tục C", DossierStatus.Stopped, Now);

        Assert.Equal("d", Assert.Single(cancelled).ProcedureId);
        Assert.Contains("bị dừng giải quyết", cancelled[0].CancelReason);
        Assert.Equal(MemberState.Started, package.Member("b")!.State);
    }

    [Fact]
    public void A_member_whose_predecessor_issued_no_result_it_needs_never_starts_and_says_which()
    {
        var package = Submitted();
        package.MarkStarted(package.Member("a")!, "A-1", Now);

        package.CancelForMissingResult(package.Member("b")!, "GKS", "A-1", Now);

        Assert.Equal(MemberState.Cancelled, package.Member("b")!.State);
        Assert.Equal("Không thực hiện được vì hồ sơ A-1 đã giải quyết nhưng không có kết quả 'GKS' mà thủ tục này cần.", package.Member("b")!.CancelReason);
        Assert.Equal(["c"], package.ReadyToStart(Statuses(("a", DossierStatus.Resolved))).Select(m => m.ProcedureId));
    }

    [Fact]
    public void Withdrawing_cancels_the_waiting_members_and_hands_back_the_started_ones_once()
    {
        var package = Submitted();
        package.MarkStarted(package.Member("a")!, "A-1", Now);

        var started = package.Withdraw(Now);

        Assert.Equal("a", Assert.Single(started).ProcedureId);
        Assert.All(package.Members.Where(m => m.ProcedureId != "a"), m => Assert.Equal(MemberState.Cancelled, m.State));
        Assert.Equal(Now, package.WithdrawnAt);
        var again = Assert.Throws<DossierRefusedException>(() => package.Withdraw(Now));
        Assert.Equal(RefusalKind.Conflict, again.Kind);
    }

    [Fact]
    public void The_owner_or_the_receiving_counter_may_withdraw_nobody_else()
    {
        var package = Submitted();
        var roles = (string role) => new HashSet<string> { role };

        Assert.True(package.MayWithdraw(new Actor("congdan", roles(RoleNames.Citizen), null, "060095000123")));
        Assert.True(package.MayWithdraw(new Actor("other-name", roles(RoleNames.Citizen), null, "060095000123")));
        Assert.True(package.MayWithdraw(new Actor("tiepnhan.xa", roles(RoleNames.Reception), "22918")));
        Assert.False(package.MayWithdraw(new Actor("tiepnhan.huyen", roles(RoleNames.Reception), "593")));
        Assert.False(package.MayWithdraw(new Actor("chuyenvien.xa", roles(RoleNames.Specialist), "22918")));
        Assert.False(package.MayWithdraw(new Actor("congdan2", roles(RoleNames.Citizen), null, "060095000999")));
    }

    // Waiting members are null; the package reads like the member that holds it back.
    [Theory]
    [InlineData("Submitted,null,null", DossierStatus.Submitted)]
    [InlineData("Received,null,null", DossierStatus.Received)]
    [InlineData("InProgress,null,null", DossierStatus.InProgress)]
    [InlineData("Resolved,null,null", DossierStatus.InProgress)]
    [InlineData("Returned,Submitted,Submitted", DossierStatus.InProgress)]
    [InlineData("Returned,SupplementRequested,InProgress", DossierStatus.SupplementRequested)]
    [InlineData("Returned,AwaitingPayment,InProgress", DossierStatus.AwaitingPayment)]
    [InlineData("Returned,WithdrawalRequested,SupplementRequested", DossierStatus.WithdrawalRequested)]
    [InlineData("Returned,Resolved,Resolved", DossierStatus.Resolved)]
    [InlineData("Returned,Returned,Returned", DossierStatus.Returned)]
    [InlineData("Returned,Stopped,Returned", DossierStatus.Returned)]
    [InlineData("NotAccepted,Stopped,Stopped", DossierStatus.Stopped)]
    [InlineData("NotAccepted,NotAccepted,NotAccepted", DossierStatus.NotAccepted)]
    public void The_package_status_is_derived_from_its_members(string members, DossierStatus expected)
    {
        var statuses = members.Split(',').Select(s => s == "null" ? (DossierStatus?)null : Enum.Parse<DossierStatus>(s)).ToList();

        Assert.Equal(expected, PackageStatus.Derive(statuses));
    }
}
