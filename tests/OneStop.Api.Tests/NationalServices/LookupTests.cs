using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.NationalServices;

/// <summary>
/// Look-ups in the national population and business databases through the mock LGSP gateway (DESIGN §14): an answer
/// for the officer, a purpose always, every look-up in the log, and a clear 503 when the national side is down — after
/// which reception goes on with papers.
/// </summary>
public sealed class LookupTests : IClassFixture<OneStopFactory>, IAsyncLifetime
{
    private const string Residence = "cu-tru.dang-ky-thuong-tru";
    private readonly OneStopFactory _factory;

    public LookupTests(OneStopFactory factory) => _factory = factory;

    public Task InitializeAsync() => _factory.SetNationalFaultsAsync(new { });

    public Task DisposeAsync() => _factory.SetNationalFaultsAsync(new { });

    [Fact]
    public async Task Reception_reads_a_person_from_the_population_database_and_the_look_up_is_logged_with_its_purpose()
    {
        var reception = await _factory.SignInAsync("tiepnhan.xa");

        var response = await reception.GetAsync(National.Citizen(National.LevelTwo, "tiep-nhan-ho-so-thuong-tru", Residence));

        var person = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("population", National.LevelTwo, "Nguyễn Văn Công Dân", "1995-04-12"),
            (person.Str("database"), person.Str("idNumber"), person.Str("fullName"), person.Str("dateOfBirth")));
        Assert.Contains("Hàm Tiến", person.Str("address"));
        // Permanent residence: the proof of kinship (GKS) is proven by the population database.
        Assert.Equal(["GKS"], person["provesPapers"]!.AsArray().Select(p => p!.GetValue<string>()));

        var log = await (await _factory.SignInAsync("admin")).GetFromJsonAsync<JsonObject>($"{National.AdminLookups}?subject={National.LevelTwo}&actor=tiepnhan.xa");
        var entry = log!["items"]!.AsArray().First(e => e.Str("id") == person.Str("lookupId"))!;
        Assert.Equal(("tiepnhan.xa", "22918", "citizen", "tiep-nhan-ho-so-thuong-tru", "found"),
            (entry.Str("actor"), entry.Str("unitCode"), entry.Str("kind"), entry.Str("purpose"), entry.Str("outcome")));
        Assert.Equal(OneStopFactory.DefaultStart, entry["at"]!.GetValue<DateTimeOffset>());
        Assert.Null(entry["record"]);
    }

    [Fact]
    public async Task Reception_reads_an_enterprise_from_the_business_database()
    {
        var reception = await _factory.SignInAsync("tiepnhan.tinh");

        var business = await (await reception.GetAsync(National.Business("0100109106"))).ReadJsonAsync();

        Assert.Equal(("business", "Công ty TNHH Hàm Tiến", "Lê Thị Đại Diện", "Đang hoạt động"),
            (business.Str("database"), business.Str("fullName"), business.Str("representative"), business.Str("status")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_look_up_without_a_purpose_is_a_400_naming_it_and_asks_nobody(string? purpose)
    {
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var logged = await _factory.QueryAsync(db => db.NationalLookups.CountAsync());

        var response = await reception.GetAsync(National.Citizen(National.LevelTwo, purpose));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mục đích", (await response.ReadJsonAsync())["errors"]!["purpose"]![0]!.GetValue<string>());
        Assert.Equal(logged, await _factory.QueryAsync(db => db.NationalLookups.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_person_or_enterprise_is_a_404_and_is_logged_as_not_found()
    {
        var reception = await _factory.SignInAsync("tiepnhan.tinh");

        // 079200000456 is a well-formed personal ID (Hồ Chí Minh City, born 2000) the mock does not know;
        // 0100233488 a tax code with a right check digit: 10 − (0·31+1·29+0·23+0·19+2·17+3·13+3·7+4·5+8·3 = 167 mod 11 = 2) = 8.
        var person = await reception.GetAsync(National.Citizen("079200000456"));
        var enterprise = await reception.GetAsync(National.Business("0100233488"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (person.StatusCode, enterprise.StatusCode));
        Assert.Contains("079200000456", (await person.ReadJsonAsync()).Str("detail"));
        var outcomes = await _factory.QueryAsync(db => db.NationalLookups.Where(l => l.SubjectId == "079200000456" || l.SubjectId == "0100233488")
            .Select(l => l.Outcome).ToListAsync());
        Assert.Equal(["not-found", "not-found"], outcomes);
    }

    [Fact]
    public async Task A_malformed_id_is_a_422_naming_the_field()
    {
        var reception = await _factory.SignInAsync("tiepnhan.xa");

        var person = await reception.GetAsync(National.Citizen("12345"));
        var enterprise = await reception.GetAsync(National.Business("0100109107"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, person.StatusCode);
        Assert.NotNull((await person.ReadJsonAsync())["errors"]!["idNumber"]);
        Assert.NotNull((await enterprise.ReadJsonAsync())["errors"]!["taxCode"]);
    }

    [Fact]
    public async Task Citizens_and_admins_read_nobody_in_the_national_databases()
    {
        var citizen = await (await _factory.SignInAsync("congdan")).GetAsync(National.Citizen(National.LevelTwo));
        var admin = await (await _factory.SignInAsync("admin")).GetAsync(National.Citizen(National.LevelTwo));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (citizen.StatusCode, admin.StatusCode));
    }

    [Fact]
    public async Task When_the_population_database_is_down_the_officer_is_told_at_once_and_reception_goes_on_with_papers()
    {
        await _factory.SetNationalFaultsAsync(new { down = true, services = new[] { "population", "business" } });
        var reception = await _factory.SignInAsync("tiepnhan.xa");
        var unanswered = await _factory.QueryAsync(db => db.NationalLookups.CountAsync(l => l.Outcome == "unavailable"));

        var response = await reception.GetAsync(National.Citizen(National.LevelTwo, "tiep-nhan-ho-so", Residence));

        var problem = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("tạm thời không trả lời", problem.Str("detail"));
        Assert.Contains("GKS (Giấy tờ, tài liệu chứng minh quan hệ nhân thân", problem.Str("detail"));
        Assert.Equal(unanswered + 1, await _factory.QueryAsync(db => db.NationalLookups.CountAsync(l => l.Outcome == "unavailable")));
        // ...and the counter takes the paper instead.
        var dossier = await reception.SubmitAsync(ApiClient.CounterSubmission(Residence, Demo.Commune, ["CT01", "GKS"], form: National.ResidenceWithRelatives));
        Assert.Equal("counter", dossier["documents"]!.AsArray().Single(d => d.Str("code") == "GKS")!.Str("source"));
    }
}

/// <summary>A gateway slower than <c>NationalServices:Lgsp:Timeout</c> counts as down: the officer is not kept waiting.</summary>
public sealed class SlowLookupTests
{
    [Fact]
    public async Task A_slow_national_side_is_answered_503_within_the_timeout()
    {
        using var factory = OneStopFactory.With(("NationalServices:Lgsp:Timeout", "00:00:00.300"));
        await factory.SetNationalFaultsAsync(new { latencyMs = 5000, services = new[] { "population" } });
        var reception = await factory.SignInAsync("tiepnhan.xa");

        var response = await reception.GetAsync(National.Citizen(National.LevelTwo));

        // The client's own timeout answered (the mock would have answered 200 after 5 s).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("không trả lời trong 0,3 giây", (await response.ReadJsonAsync()).Str("detail"));
    }
}
