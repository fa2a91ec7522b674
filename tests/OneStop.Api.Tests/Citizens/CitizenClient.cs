using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Infrastructure.Identity;

namespace OneStop.Api.Tests.Citizens;

/// <summary>What a citizen's browser does: upload papers, submit online, read their own dossiers.</summary>
public static class CitizenClient
{
    public const string MyDossiers = "/api/me/dossiers";
    public const string Files = "/api/files";
    public const string BirthRegistration = "ho-tich.dang-ky-khai-sinh";
    public const string CitizenName = "Nguyễn Văn Công Dân";

    /// <summary>Uploads a small PDF as the signed-in user and returns its file id.</summary>
    public static async Task<Guid> UploadAsync(this HttpClient client, string fileName = "giay-to.pdf")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        var response = await client.PostAsync(Files, content);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload: {(int)response.StatusCode} {json}");
        return json["id"]!.GetValue<Guid>();
    }

    /// <summary>An online submission in the citizen's own name, each paper with a freshly uploaded file.</summary>
    public static async Task<object> OnlineSubmissionAsync(this HttpClient client, string procedureId, string unitCode,
        IEnumerable<string> documentCodes, string idNumber = Demo.CitizenId, string fullName = CitizenName)
    {
        var documents = new List<object>();
        foreach (var code in documentCodes)
            documents.Add(new { code, fileId = await client.UploadAsync($"{code}.pdf") });
        return new
        {
            procedureId,
            applicant = new { idNumber, fullName, phone = "0987654321", email = "congdan@example.vn", address = "12 Nguyễn Đình Chiểu, Hàm Tiến" },
            channel = "online",
            receivingUnitCode = unitCode,
            documents,
        };
    }

    public static async Task<JsonObject> SubmitBirthRegistrationOnlineAsync(this HttpClient citizen) =>
        await citizen.SubmitAsync(await citizen.OnlineSubmissionAsync(BirthRegistration, Demo.Commune, ["TKKS", "GCS"]));

    public static async Task<JsonArray> MyDossiersAsync(this HttpClient citizen)
    {
        var response = await citizen.GetAsync(MyDossiers);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"me/dossiers: {(int)response.StatusCode} {json}");
        return json["items"]!.AsArray();
    }

    public static async Task<JsonNode> MyDossierAsync(this HttpClient citizen, string code) =>
        (await citizen.MyDossiersAsync()).Single(d => d.Str("code") == code)!;

    /// <summary>Creates a citizen account straight in the database (there is no self-registration yet).</summary>
    public static Task CreateCitizenAsync(this OneStopFactory factory, string userName, string personalId, string fullName) =>
        factory.QueryAsync(async db =>
        {
            if (db.Users.Any(u => u.UserName == userName))
                return 0;
            var account = new UserAccount
            {
                Id = Guid.NewGuid(), UserName = userName, FullName = fullName, Roles = "citizen", PersonalId = personalId,
            };
            account.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(account, Demo.Password);
            db.Users.Add(account);
            return await db.SaveChangesAsync();
        });

    /// <summary>Lets the officer of the current step take the next happy-path step until the dossier is Resolved.</summary>
    public static async Task<JsonObject> DriveToResolvedAsync(this OneStopFactory factory, string code)
    {
        var (dossier, _) = await (await factory.SignInAsync("admin")).GetDossierAsync(code);
        for (var i = 0; i < 20 && dossier.Str("status") != "Resolved"; i++)
        {
            var officer = await factory.SignInAsync(Demo.Officer(dossier["currentStep"].Str("role"), dossier.Str("currentUnitCode")));
            var (current, _) = await officer.GetDossierAsync(code);
            var action = current.NextHappyAction();
            Assert.True(action is not null, $"{code}: no way forward at {current["currentStep"].Str("id")}; actions: {string.Join(",", current.Actions())}");
            dossier = await officer.ActAsync(code, action!, action == "resolve" ? new { comment = "Đã ký Giấy khai sinh" } : null);
        }
        Assert.Equal("Resolved", dossier.Str("status"));
        return dossier;
    }
}
