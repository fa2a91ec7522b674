using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Common;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Ratings;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Ratings;

public sealed record RatingRequest(int? Score, string? Comment);

public sealed record RatingResponse(string DossierCode, int Score, string? Comment, string UnitCode, DateTimeOffset RatedAt);

public sealed class RatingRequestValidator : AbstractValidator<RatingRequest>
{
    public RatingRequestValidator()
    {
        RuleFor(r => r.Score).NotNull().WithMessage("Phải chọn điểm đánh giá (score) từ 1 đến 5.")
            .InclusiveBetween(SatisfactionRating.MinScore, SatisfactionRating.MaxScore)
            .WithMessage($"Điểm đánh giá (score) phải từ {SatisfactionRating.MinScore} đến {SatisfactionRating.MaxScore}.");
        RuleFor(r => r.Comment).MaximumLength(SatisfactionRating.CommentMaxLength)
            .WithMessage($"Nhận xét dài tối đa {SatisfactionRating.CommentMaxLength} ký tự.");
    }
}

/// <summary>
/// <c>POST /api/dossiers/{code}/rating</c>: the owner rates a returned dossier, once (DESIGN §11). Someone else's
/// dossier answers 404 like a missing one; an officer is refused (403); not yet returned or already rated → 409.
/// </summary>
public static class RateDossier
{
    public static async Task<Results<Created<RatingResponse>, ProblemHttpResult>> Handle(
        string code, RatingRequest request, ClaimsPrincipal user, OneStopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = user.ToActor();
        var dossier = await DossierAccess.LoadAsync(db, code, tracking: false, ct);
        if (dossier is null || !DossierAccess.CanRead(dossier, actor))
            return Problems.NotFound($"Không tìm thấy hồ sơ '{code}'.");

        var alreadyRated = await db.Ratings.AnyAsync(r => r.DossierId == dossier.Id, ct);
        var rating = SatisfactionRating.Give(dossier, actor, request.Score!.Value, request.Comment, alreadyRated, clock.GetUtcNow().UtcDateTime);
        db.Ratings.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two ratings sent together: the dossier's key let one in; the other is the second rating.
            db.ChangeTracker.Clear();
            if (await db.Ratings.AnyAsync(r => r.DossierId == dossier.Id, ct))
                return Problems.Conflict($"Hồ sơ '{dossier.Code}' đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.");
            throw;
        }
        return TypedResults.Created($"/api/dossiers/{dossier.Code}/rating",
            new RatingResponse(dossier.Code, rating.Score, rating.Comment, rating.UnitCode, rating.RatedAt.ToVietnam()));
    }
}
