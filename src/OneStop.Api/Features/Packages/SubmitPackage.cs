using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Common;
using OneStop.Api.Features.Documents;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain;
using OneStop.Domain.Codes;
using OneStop.Domain.Definitions;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Packages;
using OneStop.Domain.Units;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Packages;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Features.Packages;

/// <summary>
/// Submitting a package id (DESIGN §4.2, §10): the applicant gives the papers of every member, less those earlier
/// members' results supply; each paper goes to the members that take it, the form's values to the members that have
/// those fields. Every member is checked now — papers, form, competent unit — so nothing is refused later for what
/// was given today. Then, in one transaction, the package dossier (its own code) and its members at their competent
/// units: those that wait for nobody start at once (status Submitted there), the others wait.
/// </summary>
public static partial class SubmitPackage
{
    public static async Task<Results<Created<DossierResponse>, Created<PackageResponse>, ProblemHttpResult>> HandleAsync(
        SubmitDossierRequest request, WorkflowDefinition package, Actor actor, string idempotencyKey, string requestHash,
        HttpContext http, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, PackageProgress progress, TimeProvider clock,
        CancellationToken ct)
    {
        var channel = Enum.Parse<Channel>(request.Channel!, ignoreCase: true);
        Dossier.CheckSubmitter(actor, channel, request.ReceivingUnitCode!, package);
        var today = VietnamTime.Today(clock);
        var units = await contexts.LoadUnitsAsync(ct);
        if (units.Current(request.ReceivingUnitCode!, today) is not { } receiving || !receiving.IsValidOn(today))
            return Problems.Unprocessable($"Đơn vị tiếp nhận '{request.ReceivingUnitCode}' không tồn tại hoặc đã ngừng hoạt động.", "receivingUnitCode");
        if (receiving.Level != package.Level)
            return Problems.Unprocessable(
                $"Hồ sơ liên thông '{package.Name}' được tiếp nhận ở cấp {package.Level}, đơn vị '{receiving.Code}' thuộc cấp {receiving.Level}.", "receivingUnitCode");

        var members = new List<(PackageMember Member, ProcedureModel Model, UnitInfo Unit)>();
        foreach (var member in package.Members ?? [])
        {
            var model = await catalog.GetCurrentAsync(db, member.ProcedureId, ct);
            if (model is null)
                return Problems.Unprocessable($"Thủ tục thành phần '{member.ProcedureId}' hiện không tiếp nhận hồ sơ, nên chưa nộp được hồ sơ liên thông này.", "procedureId");
            var unit = units.ResolveStepUnit(member.Unit ?? model.Definition.Level, receiving.Code, today);
            if (unit is null)
                return Problems.Unprocessable($"Không xác định được đơn vị giải quyết thủ tục '{model.Name}' cho đơn vị tiếp nhận '{receiving.Code}'.", "receivingUnitCode");
            members.Add((member, model, unit));
        }

        var documents = request.Documents!;
        var given = new List<(int Index, DocumentSubmission Paper)>[members.Count];
        for (var m = 0; m < members.Count; m++)
            given[m] = [];
        for (var i = 0; i < documents.Count; i++)
        {
            var code = documents[i].Code!.Trim();
            if (documents.Take(i).Any(d => d.Code!.Trim() == code))
                return Problems.Unprocessable($"Giấy tờ '{code}' được kê khai hai lần.", $"documents[{i}].code");
            var takers = Enumerable.Range(0, members.Count)
                .Where(m => members[m].Model.Definition.Documents.Any(d => d.Code == code) && !members[m].Member.SuppliedPapers.ContainsKey(code)).ToList();
            if (takers.Count == 0)
                return Problems.Unprocessable(members.Any(x => x.Member.SuppliedPapers.ContainsKey(code))
                    ? $"Giấy tờ '{code}' là kết quả của một thủ tục trước trong hồ sơ liên thông và được chuyển sang tự động; không nộp lại."
                    : $"Giấy tờ '{code}' không thuộc thành phần hồ sơ của thủ tục nào trong hồ sơ liên thông.", $"documents[{i}].code");
            foreach (var m in takers)
                given[m].Add((i, new DocumentSubmission(code, documents[i].FileId, documents[i].RepositoryDocumentId)));
        }
        var form = request.Form ?? new Dictionary<string, JsonElement>();
        foreach (var key in form.Keys.Where(k => !members.Any(x => x.Model.Form.Any(f => f.Key == k))))
            return Problems.Unprocessable($"Không thủ tục nào trong hồ sơ liên thông có trường '{key}'.", $"form.{key}");

        var applicant = SubmitDossier.ToApplicant(request.Applicant!);
        var owner = actor.Has(RoleNames.Citizen) ? actor.UserName : null;
        var plans = new List<MemberPlan>();
        for (var m = 0; m < members.Count; m++)
        {
            var (member, model, unit) = members[m];
            var memberForm = form.Where(f => model.Form.Any(x => x.Key == f.Key)).ToDictionary(f => f.Key, f => f.Value);
            var papers = given[m].Select(g => g.Paper).ToList();
            // What earlier results will supply stands in as a repository reference while the member is checked.
            var placeholders = member.SuppliedPapers.Keys.Select(code => new DocumentSubmission(code, RepositoryDocumentId: Guid.Empty));
            try
            {
                Dossier.StartInPackage(await contexts.CreateAsync(model, actor, ct), "-", "-", "-", applicant, channel, unit.Code,
                    [.. papers, .. placeholders], memberForm, owner, "");
            }
            catch (DossierRefusedException refused)
            {
                return Refusal(refused, model.Name, given[m]);
            }
            plans.Add(new MemberPlan(member, model.Version, unit.Code, papers, memberForm.Count == 0 ? null : JsonSerializer.Serialize(memberForm)));
        }
        if (await DocumentReferences.CheckAsync(db, actor, applicant.IdNumber, documents, today, ct) is { } badReference)
            return badReference;

        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (claim, lostClaim) = await SubmitDossier.ClaimKeyAsync(idempotencyKey, requestHash, actor, clock.GetUtcNow().UtcDateTime, transaction, http,
            db, catalog, contexts, ct);
        if (lostClaim is not null)
            return lostClaim;
        // The members' own units are held open as each starts (PackageProgress); the receiving unit here.
        if (await UnitLocks.HoldOpenAsync(db, [receiving.Code], today, ct) is [var ended, ..])
            return Problems.Conflict($"Đơn vị tiếp nhận '{ended}' vừa được sáp nhập hoặc ngừng hoạt động; hãy chọn đơn vị kế thừa.");
        var packageCode = await DossierCodeGenerator.NextAsync(db, receiving.AgencyCode, today, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = DossierPackage.Submit(package, packageCode, DossierCodes.NewTrackingSecret(), applicant, channel, receiving.Code, owner, now, plans);
        db.DossierPackages.Add(created);
        await progress.StartReadyAsync(created, actor, ct);
        // Uploads are in use from now on; a repository document's reuse is counted by each member dossier that takes it.
        await DocumentReferences.MarkUsedAsync(db, packageCode, documents.Select(d => d with { RepositoryDocumentId = null }).ToList(), now, ct);
        if (claim is not null)
            claim.DossierCode = packageCode;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        http.Response.Headers.ETag = ETags.For(created.Version);
        return TypedResults.Created($"/api/dossiers/{packageCode}",
            await PackageReads.ResponseAsync(created, actor, db, catalog, contexts, showSecret: true, ct));
    }

    [GeneratedRegex(@"^documents\[(?<index>[0-9]+)\](?<rest>.*)$")]
    private static partial Regex DocumentPath();

    /// <summary>A member's refusal, named by the package request's own field and the member's procedure.</summary>
    private static ProblemHttpResult Refusal(DossierRefusedException refused, string procedureName, List<(int Index, DocumentSubmission Paper)> given)
    {
        var field = refused.Field;
        if (field is not null && DocumentPath().Match(field) is { Success: true } match
            && int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < given.Count)
            field = $"documents[{given[index].Index}]{match.Groups["rest"].Value}";
        var detail = $"Thủ tục '{procedureName}' trong hồ sơ liên thông: {refused.Message}";
        return refused.Kind switch
        {
            RefusalKind.Forbidden => Problems.Of(StatusCodes.Status403Forbidden, "Thao tác bị từ chối", detail, field),
            RefusalKind.Conflict => Problems.Of(StatusCodes.Status409Conflict, "Thao tác bị từ chối", detail, field),
            _ => Problems.Unprocessable(detail, field),
        };
    }
}
