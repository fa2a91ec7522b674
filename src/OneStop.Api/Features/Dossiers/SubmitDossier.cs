using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneStop.Api.Common;
using OneStop.Domain;
using OneStop.Api.Features.Documents;
using OneStop.Domain.Codes;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Identifiers;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Packages;
using OneStop.Infrastructure.Persistence;
using OneStop.Api.Features.Packages;
using OneStop.Domain.Definitions;
using OneStop.Infrastructure.Telemetry;
using OneStop.Infrastructure.Units;

namespace OneStop.Api.Features.Dossiers;

/// <summary>The applicant; <see cref="CommuneCode"/> is the commune of their address (decides the competent unit, DESIGN §3).</summary>
public sealed record ApplicantRequest(
    string? IdNumber, string? FullName, string? Phone, string? Email, string? Address, string? Representative, string? CommuneCode = null);

/// <summary>
/// One paper: by code (seen at the counter), an uploaded file or a repository document; <see cref="PaperForm"/>
/// (original, copy, certified-copy, electronic) and <see cref="Copies"/> are what the receipt states.
/// </summary>
public sealed record DocumentRequest(string? Code, Guid? FileId, Guid? RepositoryDocumentId, string? PaperForm = null, int? Copies = null);

/// <summary>
/// A submission (DESIGN §10); <see cref="Form"/> carries the definition's typed form values, <c>{ key: value }</c>; an
/// any-point procedure may name the unit that decides it (<see cref="CompetentUnitCode"/>) and where the result goes
/// (<see cref="ReturnAt"/>: receiving, competent or post); <see cref="LookupId"/> names the officer's look-up of the
/// applicant in a national database (DESIGN §14), which fills the applicant and proves the papers the definition says
/// that database proves.
/// </summary>
public sealed record SubmitDossierRequest(
    string? ProcedureId, ApplicantRequest? Applicant, string? Channel, string? ReceivingUnitCode, IReadOnlyList<DocumentRequest>? Documents,
    IReadOnlyDictionary<string, JsonElement>? Form = null, string? CompetentUnitCode = null, string? ReturnAt = null, Guid? LookupId = null);

public sealed class SubmitDossierRequestValidator : AbstractValidator<SubmitDossierRequest>
{
    public static readonly string[] Channels = ["counter", "online", "post"];

    public SubmitDossierRequestValidator()
    {
        RuleFor(r => r.ProcedureId).NotEmpty().WithMessage("Phải chọn thủ tục (procedureId).")
            .StoredLength(StoredLengths.ProcedureId, "Mã thủ tục (procedureId)");
        RuleFor(r => r.Channel).Must(c => Channels.Contains(c)).WithMessage("Kênh nộp (channel) phải là counter, online hoặc post.");
        RuleFor(r => r.ReceivingUnitCode).NotEmpty().WithMessage("Phải chọn đơn vị tiếp nhận (receivingUnitCode).")
            .StoredLength(StoredLengths.UnitCode, "Mã đơn vị tiếp nhận (receivingUnitCode)");
        RuleFor(r => r.Applicant).NotNull().WithMessage("Phải nhập thông tin người nộp (applicant).");
        // With a look-up the name may be left to the national database.
        RuleFor(r => r.Applicant!).SetValidator(r => new ApplicantRequestValidator(nameRequired: r.LookupId is null)).When(r => r.Applicant is not null);
        RuleFor(r => r.Documents).NotNull().WithMessage("Phải kê khai thành phần hồ sơ (documents).");
        RuleFor(r => r.CompetentUnitCode).StoredLength(StoredLengths.UnitCode, "Mã cơ quan giải quyết (competentUnitCode)");
        RuleFor(r => r.ReturnAt).StoredLength(16, "Nơi nhận kết quả (returnAt)");
        RuleForEach(r => r.Documents).ChildRules(d =>
            d.RuleFor(x => x.Code).NotEmpty().WithMessage("Mỗi giấy tờ phải có mã (code).")
                .StoredLength(StoredLengths.DocumentCode, "Mã giấy tờ (code)"));
    }
}

public sealed class ApplicantRequestValidator : AbstractValidator<ApplicantRequest>
{
    public ApplicantRequestValidator() : this(nameRequired: true)
    {
    }

    public ApplicantRequestValidator(bool nameRequired)
    {
        RuleFor(a => a.IdNumber)
            .Must(value => ApplicantIdentifier.Validate(value).IsValid)
            .WithMessage(a => ApplicantIdentifier.Validate(a.IdNumber).Error ?? "Mã định danh không hợp lệ.");
        RuleFor(a => a.FullName).NotEmpty().When(_ => nameRequired).WithMessage("Phải nhập họ tên người nộp.");
        RuleFor(a => a.FullName).StoredLength(StoredLengths.ApplicantName, "Họ tên người nộp (fullName)");
        // Too long first: a 5,000-character "email" is answered as too long, not as malformed.
        RuleFor(a => a.Email).Cascade(CascadeMode.Stop)
            .StoredLength(StoredLengths.ApplicantEmail, "Email")
            .EmailAddress().When(a => !string.IsNullOrEmpty(a.Email)).WithMessage("Địa chỉ email không hợp lệ.");
        RuleFor(a => a.Address).StoredLength(StoredLengths.ApplicantAddress, "Địa chỉ (address)");
        RuleFor(a => a.Representative).StoredLength(StoredLengths.ApplicantRepresentative, "Người đại diện (representative)");
        RuleFor(a => a.CommuneCode).StoredLength(StoredLengths.UnitCode, "Mã xã/phường nơi cư trú (communeCode)");
        RuleFor(a => a.Phone).Matches(@"^\+?[0-9 .-]{8,15}$").When(a => !string.IsNullOrEmpty(a.Phone)).WithMessage("Số điện thoại không hợp lệ.");
    }
}

public static class SubmitDossier
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<Results<Created<DossierResponse>, Created<PackageResponse>, ProblemHttpResult>> Handle(
        SubmitDossierRequest request, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, PackageProgress packages, TimeProvider clock, OneStopMetrics metrics,
        Microsoft.Extensions.Options.IOptions<Infrastructure.NationalServices.NationalServicesOptions> national, CancellationToken ct)
    {
        var actor = user.ToActor();
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        if (key.Length > 128)
            return Problems.Of(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", "Idempotency-Key dài tối đa 128 ký tự.", IdempotencyHeader);
        if (key.Length > 0 && await ReplayAsync(db, catalog, contexts, actor, key, requestHash, http, ct) is { } replay)
            return replay;

        if (actor.Has(RoleNames.Citizen) && actor.PersonalId != request.Applicant!.IdNumber!.Trim())
            return Problems.Unprocessable("Công dân chỉ nộp hồ sơ đứng tên chính mình (applicant.idNumber là số định danh của tài khoản).", "applicant.idNumber");
        // A package id submits a package (DESIGN §4.2): one package dossier and its members.
        var inForce = await catalog.FindInForceAsync(db, request.ProcedureId!, ct);
        if (inForce is { Kind: DefinitionKinds.Package } && await catalog.GetInForceAsync(db, request.ProcedureId!, ct) is { Kind: DefinitionKinds.Package } package)
            return await SubmitPackage.HandleAsync(request, package.Parse(), actor, key, requestHash, http, db, catalog, contexts, packages, clock, ct);
        var engine = inForce is { Kind: DefinitionKinds.Procedure } ? await catalog.GetAsync(db, request.ProcedureId!, inForce.Version, ct) : null;
        if (engine is null)
            return Problems.Unprocessable($"Thủ tục '{request.ProcedureId}' không tồn tại hoặc không còn tiếp nhận hồ sơ.", "procedureId");
        var context = await contexts.CreateAsync(engine, actor, ct);
        var unit = context.Units.Current(request.ReceivingUnitCode!, context.Today);
        if (unit is null)
            return Problems.Unprocessable($"Đơn vị tiếp nhận '{request.ReceivingUnitCode}' không tồn tại.", "receivingUnitCode");
        if (await DocumentReferences.CheckAsync(db, actor, request.Applicant!.IdNumber!.Trim(), request.Documents!, context.Today, ct) is { } badReference)
            return badReference;
        var (applicant, proof, badLookup) = await Lookups.NationalProofs.ResolveAsync(db, actor, request.LookupId, request.Applicant!, national, clock, ct);
        if (badLookup is not null)
            return badLookup;

        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (claim, lostClaim) = await ClaimKeyAsync(key, requestHash, actor, context.UtcNow, transaction, http, db, catalog, contexts, ct);
        if (lostClaim is not null)
            return lostClaim;
        // An any-point dossier names the unit it goes to: a dissolution of either waits for this submission or wins.
        string[] held = request.CompetentUnitCode is { Length: > 0 } competent ? [unit.Code, competent.Trim()] : [unit.Code];
        if (await UnitLocks.HoldOpenAsync(db, held, context.Today, ct) is [var ended, ..])
            return Problems.Conflict($"Đơn vị '{ended}' vừa được sáp nhập hoặc ngừng hoạt động; hãy chọn đơn vị kế thừa.");
        var code = await DossierCodeGenerator.NextAsync(db, unit.AgencyCode, VietnamTime.Today(clock), ct);
        var dossier = Dossier.Submit(context, code, DossierCodes.NewTrackingSecret(), ToApplicant(applicant),
            Enum.Parse<Channel>(request.Channel!, ignoreCase: true), unit.Code,
            request.Documents!.Select(ToSubmission).ToList(), request.Form,
            new SubmissionRouting(request.CompetentUnitCode, request.ReturnAt), proof);
        db.Dossiers.Add(dossier);
        await DocumentReferences.MarkUsedAsync(db, code, request.Documents!, context.UtcNow, ct);
        if (claim is not null)
            claim.DossierCode = code;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.ActionTaken("submit");

        http.Response.Headers.ETag = ETags.For(dossier.Version);
        return TypedResults.Created($"/api/dossiers/{code}", DossierResponse.From(dossier, context, showSecret: true));
    }

    /// <summary>
    /// The key is claimed first, by the row's primary key, inside the submission's transaction: of two requests with one
    /// key (two nodes, or a client retrying too early) the second waits for the first to commit, then fails here and
    /// answers what the first created. Returns the claim (to receive the code), or the answer for the one that lost.
    /// </summary>
    internal static async Task<(IdempotencyRecord? Claim, Results<Created<DossierResponse>, Created<PackageResponse>, ProblemHttpResult>? Answer)>
        ClaimKeyAsync(string key, string requestHash, Actor actor, DateTime utcNow, IDbContextTransaction transaction, HttpContext http,
            OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, CancellationToken ct)
    {
        if (key.Length == 0)
            return (null, null);
        var claim = new IdempotencyRecord { Key = key, UserName = actor.UserName, RequestHash = requestHash, CreatedAt = utcNow };
        db.IdempotencyRecords.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!DatabaseFailures.IsUnavailable(e))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await ReplayAsync(db, catalog, contexts, actor, key, requestHash, http, ct) is { } concurrentReplay)
                return (null, concurrentReplay);
            throw;
        }
        return (claim, null);
    }

    /// <summary>A retried submission gets the dossier (or package) the first one created; the same key with another body is refused.</summary>
    private static async Task<Results<Created<DossierResponse>, Created<PackageResponse>, ProblemHttpResult>?> ReplayAsync(
        OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, Actor actor,
        string key, string requestHash, HttpContext http, CancellationToken ct)
    {
        var previous = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserName == actor.UserName && r.Key == key, ct);
        if (previous is null)
            return null;
        if (previous.RequestHash != requestHash)
            return Problems.Unprocessable("Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho hồ sơ mới.", IdempotencyHeader);
        if (await PackageAccess.LoadAsync(db, previous.DossierCode, tracking: false, ct) is { } package)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            http.Response.Headers.ETag = ETags.For(package.Version);
            return TypedResults.Created($"/api/dossiers/{package.Code}",
                await PackageReads.ResponseAsync(package, actor, db, catalog, contexts, showSecret: true, ct));
        }
        var dossier = await DossierAccess.LoadAsync(db, previous.DossierCode, tracking: false, ct);
        var engine = dossier is null ? null : await catalog.GetAsync(db, dossier.ProcedureId, dossier.DefinitionVersion, ct);
        if (dossier is null || engine is null)
            return Problems.Conflict("Hồ sơ của lần gửi trước không còn; hãy dùng khóa mới.");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        http.Response.Headers.ETag = ETags.For(dossier.Version);
        return TypedResults.Created($"/api/dossiers/{dossier.Code}",
            DossierResponse.From(dossier, await contexts.CreateAsync(engine, actor, ct), showSecret: true));
    }

    public static Applicant ToApplicant(ApplicantRequest a)
    {
        var id = a.IdNumber!.Trim();
        var type = ApplicantIdentifier.Validate(id).Kind == ApplicantKind.Organisation ? ApplicantType.Organisation : ApplicantType.Person;
        return new Applicant(id, a.FullName!.Trim(), type, a.Phone, a.Email, a.Address, a.Representative,
            string.IsNullOrWhiteSpace(a.CommuneCode) ? null : a.CommuneCode.Trim());
    }

    internal static DocumentSubmission ToSubmission(DocumentRequest d) =>
        new(d.Code!.Trim(), d.FileId, d.RepositoryDocumentId, string.IsNullOrWhiteSpace(d.PaperForm) ? null : d.PaperForm.Trim(), d.Copies);
}
