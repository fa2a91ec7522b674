using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.NationalServices;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Lookups;

/// <summary>
/// A submission that names a look-up (<c>lookupId</c>): the officer's own recent successful look-up of this very
/// applicant proves, at reception, the papers the definition says its database proves, and fills the applicant's name
/// and address where the officer left them blank. A name that differs from the database's is refused: the database
/// is the reference. Anything wrong is a 422 naming the field; without a look-up nothing changes.
/// </summary>
public static class NationalProofs
{
    public static async Task<(ApplicantRequest Applicant, NationalProof? Proof, ProblemHttpResult? Problem)> ResolveAsync(
        OneStopDbContext db, Actor actor, Guid? lookupId, ApplicantRequest applicant, IOptions<NationalServicesOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        if (lookupId is not { } id)
            return (applicant, null, null);
        var lookup = await db.NationalLookups.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        var oldest = clock.GetUtcNow().UtcDateTime - options.Value.Lgsp.ProofLifetime;
        if (lookup is null || lookup.Actor != actor.UserName)
            return Refused(applicant, $"Không có lần tra cứu {id} của bạn.");
        if (lookup.Outcome != LookupOutcomes.Found || lookup.Record is null)
            return Refused(applicant, "Lần tra cứu này không tìm thấy dữ liệu trong CSDL quốc gia nên không chứng minh được giấy tờ nào; hãy nhận bản giấy.");
        if (lookup.At < oldest)
            return Refused(applicant, string.Create(CultureInfo.InvariantCulture,
                $"Lần tra cứu đã quá {options.Value.Lgsp.ProofLifetime.TotalHours:0.#} giờ; hãy tra cứu lại trước khi tiếp nhận."));
        var idNumber = applicant.IdNumber?.Trim();
        if (lookup.SubjectId != idNumber)
            return Refused(applicant, $"Lần tra cứu là của {lookup.SubjectId}, không phải của người nộp {idNumber}.");
        var record = JsonSerializer.Deserialize<NationalRecord>(lookup.Record)!;
        if (!string.IsNullOrWhiteSpace(applicant.FullName) && !SameName(applicant.FullName, record.FullName))
            return (applicant, null, Problems.Unprocessable(
                $"Họ tên \"{applicant.FullName.Trim()}\" khác với {Describe(record.Database)}: \"{record.FullName}\". Hãy để trống hoặc nhập đúng như CSDL.",
                "applicant.fullName"));
        var filled = applicant with
        {
            FullName = string.IsNullOrWhiteSpace(applicant.FullName) ? record.FullName : applicant.FullName,
            Address = string.IsNullOrWhiteSpace(applicant.Address) ? Fit(record.Address, StoredLengths.ApplicantAddress) : applicant.Address,
            Representative = string.IsNullOrWhiteSpace(applicant.Representative) ? Fit(record.Representative, StoredLengths.ApplicantRepresentative) : applicant.Representative,
        };
        return (filled, new NationalProof(record.Database, lookup.SubjectId), null);
    }

    private static (ApplicantRequest, NationalProof?, ProblemHttpResult?) Refused(ApplicantRequest applicant, string detail) =>
        (applicant, null, Problems.Unprocessable(detail, "lookupId"));

    private static string Describe(string database) =>
        database == NationalDatabases.Population ? "CSDLQG về dân cư" : "CSDLQG về đăng ký doanh nghiệp";

    private static bool SameName(string a, string b) =>
        string.Equals(a.Trim().Normalize(NormalizationForm.FormC), b.Trim().Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);

    private static string? Fit(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
