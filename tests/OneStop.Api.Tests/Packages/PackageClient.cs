using System.Text.Json.Nodes;
using OneStop.Api.Tests.Citizens;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Packages;

/// <summary>The shipped packages of Decree 63/2024/NĐ-CP and what a test does with a package over HTTP.</summary>
public static class PackageClient
{
    public const string BirthPackage = "lien-thong.khai-sinh-thuong-tru-bhyt";
    public const string DeathPackage = "lien-thong.khai-tu-xoa-thuong-tru-mai-tang";
    public const string Birth = "ho-tich.dang-ky-khai-sinh";
    public const string Residence = "cu-tru.dang-ky-thuong-tru-tre-em";
    public const string HealthInsurance = "bao-hiem-y-te.cap-the-bhyt-tre-em-duoi-6-tuoi";

    /// <summary>The birth package online, with the papers of birth registration only (the declaration and the birth attestation).</summary>
    public static async Task<JsonObject> SubmitBirthPackageOnlineAsync(this HttpClient citizen) =>
        await citizen.SubmitAsync(await citizen.OnlineSubmissionAsync(BirthPackage, Demo.Commune, ["TKKS", "GCS"]));

    public static JsonNode Member(this JsonObject package, string procedureId) =>
        package["members"]!.AsArray().Single(m => m.Str("procedureId") == procedureId)!;

    /// <summary>Each member's procedure id and status, in the package's order: what "the package shows each member's status" means.</summary>
    public static IReadOnlyList<string> MemberStatuses(this JsonObject package) =>
        package["members"]!.AsArray().Select(m => $"{m.Str("procedureId")}:{m.Str("status")}").ToList();

    public static async Task<JsonObject> ReadPackageAsync(this HttpClient client, string code) => (await client.GetDossierAsync(code)).Dossier;

    /// <summary>Takes a started member through the happy path to Returned, each step by the demo officer of the unit where it stands.</summary>
    public static async Task<JsonObject> DriveMemberToReturnedAsync(this OneStopFactory factory, string code)
    {
        var resolved = await factory.DriveToResolvedAsync(code);
        var reception = await factory.SignInAsync(Demo.Officer("reception", resolved.Str("receivingUnitCode")));
        return await reception.ActAsync(code, "return-result");
    }
}
