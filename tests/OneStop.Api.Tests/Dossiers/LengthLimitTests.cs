using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Documents;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Dossiers;

/// <summary>
/// Every text the API stores has the length of its column (SQL Server refuses longer values with a 500 whose log
/// quotes them): a longer value is a 422 naming the field, the database stays as it was, the host answers on.
/// </summary>
public sealed class LengthLimitTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private static object Submission(string? address = null, string? email = null, string? representative = null, string fullName = "Nguyễn Văn Công Dân") => new
    {
        procedureId = "ho-tich.dang-ky-khai-sinh",
        applicant = new { idNumber = Demo.CitizenId, fullName, phone = "0912345678", email, address, representative },
        channel = "counter",
        receivingUnitCode = Demo.Commune,
        documents = new[] { new { code = "TKKS" }, new { code = "GCS" } },
    };

    private async Task<JsonObject> AssertTooLongAsync(Func<Task<HttpResponseMessage>> send, string field)
    {
        var before = await factory.SnapshotAsync();
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await factory.SnapshotAsync());
        return problem;
    }

    [Fact]
    public async Task A_5000_character_address_is_a_422_on_applicant_address_and_the_host_answers_on()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");

        var problem = await AssertTooLongAsync(() => reception.PostAsJsonAsync(Routes.Dossiers, Submission(address: new string('x', 5000))), "applicant.address");

        // The column holds 400 characters (DossierConfiguration); the message says so and how long the value was.
        Assert.Contains("400", problem.Str("detail"));
        Assert.Contains("5000", problem.Str("detail"));
        var fits = await reception.SubmitAsync(Submission(address: new string('x', 400)));
        Assert.Equal(400, fits["applicant"]!.Str("address").Length);
    }

    [Theory]
    [InlineData("email", 201)]
    [InlineData("representative", 201)]
    [InlineData("fullName", 201)]
    public async Task Each_applicant_text_longer_than_its_column_is_named(string field, int length)
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var value = field == "email" ? new string('a', length - "@example.vn".Length) + "@example.vn" : new string('b', length);
        var body = field switch
        {
            "email" => Submission(email: value),
            "representative" => Submission(representative: value),
            _ => Submission(fullName: value),
        };

        await AssertTooLongAsync(() => reception.PostAsJsonAsync(Routes.Dossiers, body), $"applicant.{field}");
    }

    [Fact]
    public async Task A_too_long_value_beside_a_malformed_one_is_a_400_naming_both()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var before = await factory.SnapshotAsync();

        var response = await reception.PostAsJsonAsync(Routes.Dossiers, new
        {
            procedureId = "ho-tich.dang-ky-khai-sinh",
            applicant = new { idNumber = Demo.CitizenId, fullName = "A", address = new string('x', 401) },
            channel = "fax",
            receivingUnitCode = Demo.Commune,
            documents = new[] { new { code = "TKKS" }, new { code = "GCS" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order();
        Assert.Equal(["applicant.address", "channel"], errors);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_comment_longer_than_2000_characters_is_a_422_and_the_dossier_does_not_move()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(Submission())).Str("code");

        await AssertTooLongAsync(() => reception.TryActAsync(code, "receive", new { comment = new string('y', 2001) }), "comment");

        var received = await reception.ActAsync(code, "receive", new { comment = new string('y', 2000) });
        Assert.Equal("Received", received.Str("status"));
    }

    [Fact]
    public async Task A_digitized_field_value_longer_than_1000_characters_is_named()
    {
        var reception = await factory.SignInAsync("tiepnhan.xa");
        var code = (await reception.SubmitAsync(Submission())).Str("code");
        await reception.ActAsync(code, "receive");
        var scan = await reception.UploadAsync(DocumentSamples.Pdf("ban quet"), "scan.pdf");
        var (_, etag) = await reception.GetDossierAsync(code);

        await AssertTooLongAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Routes.Dossier(code)}/documents/GCS/digitize")
            {
                Content = JsonContent.Create(new { fileId = scan, fields = new Dictionary<string, string> { ["soGiayChungSinh"] = new string('9', 1001) } }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return await reception.SendAsync(request);
        }, "fields.soGiayChungSinh");
    }

    [Fact]
    public async Task A_calendar_note_and_an_account_name_longer_than_their_columns_are_422s()
    {
        var admin = await factory.SignInAsync("admin");

        await AssertTooLongAsync(() => admin.PutAsJsonAsync("/api/calendar/days/2026-12-30", new { working = false, note = new string('n', 301) }), "note");
        await AssertTooLongAsync(() => admin.PutAsJsonAsync("/api/admin/users/chuyenvien.huyen", new { fullName = new string('h', 201) }), "fullName");
    }

    [Fact]
    public async Task A_definition_whose_step_id_or_paper_code_would_not_fit_a_dossier_is_refused_at_validation()
    {
        var admin = await factory.SignInAsync("admin");
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "ho-tich.dang-ky-khai-sinh.json")))!.AsObject();
        var longStep = new string('b', 65);
        var steps = definition["steps"]!.AsArray();
        var firstStepId = steps[1].Str("id");
        steps[1]!["id"] = longStep;
        foreach (var transition in steps.SelectMany(s => s!["transitions"]?.AsArray() ?? []).Where(t => t.Str("to") == firstStepId))
            transition!["to"] = longStep;
        definition["documents"]![0]!["code"] = new string('C', 33);

        var response = await admin.PostAsync("/api/workflow-definitions/validate",
            new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        var result = await response.ReadJsonAsync();
        Assert.False(result["valid"]!.GetValue<bool>());
        var paths = result["errors"]!.AsArray().Select(e => e.Str("path")).ToList();
        Assert.Contains("steps[1].id", paths);
        Assert.Contains("documents[0].code", paths);
        Assert.Contains("Dài tối đa 64 ký tự (đang có 65).", result["errors"]!.AsArray().Where(e => e.Str("path") == "steps[1].id").Select(e => e.Str("message")));
    }
}
