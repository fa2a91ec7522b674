using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Documents;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;
using OneStop.Infrastructure.Definitions;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Persistence;
using OneStop.Infrastructure.Telemetry;

namespace OneStop.Api.Features.Dossiers;

public sealed record AssignRequest(string? UserName, string? Comment);

public sealed record ConsultationAnswerRequest(string? Answer, string? Comment, IReadOnlyList<DocumentRequest>? Documents);

public sealed class ConsultationAnswerRequestValidator : AbstractValidator<ConsultationAnswerRequest>
{
    public ConsultationAnswerRequestValidator()
    {
        RuleFor(r => r.Answer).Must(a => a is ConsultationAnswers.Agree or ConsultationAnswers.Disagree)
            .WithMessage("Ý kiến (answer) phải là agree (đồng ý) hoặc disagree (không đồng ý).");
        RuleFor(r => r.Comment).MaximumLength(2000).WithMessage("Ý kiến dài tối đa 2000 ký tự.");
        RuleFor(r => r.Comment).NotEmpty().When(r => r.Answer == ConsultationAnswers.Disagree)
            .WithMessage("Không đồng ý thì phải nêu lý do (comment).");
        RuleForEach(r => r.Documents).ChildRules(d => d.RuleFor(x => x.FileId).NotNull().WithMessage("Mỗi tài liệu kèm ý kiến cần tệp (fileId)."));
    }
}

/// <summary>Claimable work (DESIGN §4.1, §10): claim, release, and a leader's assign.</summary>
public static class ClaimableWork
{
    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Claim(
        string code, HttpContext http, ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, CancellationToken ct) =>
        ActOnDossier.ActAsync(code, DossierActions.Claim, user.ToActor(), [], http, db, catalog, contexts, metrics,
            _ => Task.FromResult<ActionRequest?>(new ActionRequest()), ct);

    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Release(
        string code, HttpContext http, ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, CancellationToken ct) =>
        ActOnDossier.ActAsync(code, DossierActions.Release, user.ToActor(), [], http, db, catalog, contexts, metrics,
            _ => Task.FromResult<ActionRequest?>(new ActionRequest()), ct);

    /// <summary>The domain decides whether the named officer may take the step; here we only say who they are today.</summary>
    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Assign(
        string code, AssignRequest body, HttpContext http, ClaimsPrincipal user, OneStopDbContext db, DefinitionCatalog catalog,
        DossierContextFactory contexts, OneStopMetrics metrics, CancellationToken ct) =>
        ActOnDossier.ActAsync(code, DossierActions.Assign, user.ToActor(), [], http, db, catalog, contexts, metrics, async _ =>
        {
            var name = body.UserName?.Trim();
            var account = string.IsNullOrEmpty(name) ? null
                : await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => new { u.UserName, u.Roles, u.UnitCode }).FirstOrDefaultAsync(ct);
            if (account is null)
                throw new DossierRefusedException(RefusalKind.Invalid,
                    string.IsNullOrEmpty(name) ? "Phải chọn cán bộ được giao (userName)." : $"Không có tài khoản '{name}'.", "userName");
            var assignee = new Actor(account.UserName,
                account.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(), account.UnitCode);
            return new ActionRequest(Comment: body.Comment, Assignee: assignee);
        }, ct);
}

/// <summary>A consulted unit's opinion (DESIGN §4.1, §10): <c>POST /api/dossiers/{code}/consultations/{unitCode}</c>.</summary>
public static class AnswerConsultationEndpoint
{
    public static Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Handle(
        string code, string unitCode, ConsultationAnswerRequest body, HttpContext http, ClaimsPrincipal user, OneStopDbContext db,
        DefinitionCatalog catalog, DossierContextFactory contexts, OneStopMetrics metrics, CancellationToken ct)
    {
        var actor = user.ToActor();
        var papers = body.Documents ?? [];
        return ActOnDossier.ActAsync(code, DossierActions.AnswerConsultation, actor, papers, http, db, catalog, contexts, metrics, _ =>
        {
            if (!string.Equals(actor.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase))
                throw new DossierRefusedException(RefusalKind.Forbidden, $"Chỉ cán bộ của đơn vị {unitCode} trả lời ý kiến của đơn vị đó.", "unitCode");
            return Task.FromResult<ActionRequest?>(new ActionRequest(body.Comment, Answer: body.Answer, UnitCode: unitCode,
                Documents: papers.Select(d => new DocumentSubmission(d.Code ?? "", d.FileId, d.RepositoryDocumentId)).ToList()));
        }, ct);
    }
}
