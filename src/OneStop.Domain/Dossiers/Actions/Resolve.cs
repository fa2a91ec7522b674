using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>resolve</c> (có kết quả): at the result step, its officer records every result of the definition — each
/// with the file uploaded for its code, or one the system draws — and raises <see cref="DossierResolved"/>, on
/// which the results are issued and signed (<c>signed: false</c> ones are not) in the same transaction.
/// </summary>
public sealed class Resolve : DossierAction
{
    public override string Name => DossierActions.Resolve;

    internal override bool IsStepWork => true;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context) =>
        !IsProcessing(dossier) ? WrongStatus(dossier)
        : step.Kind != StepKinds.Result ? NotAtThisStep(step)
        : NotStepOfficer(step, dossier, context);

    internal override Recorded Apply(Dossier dossier, ActionRequest request, DossierContext context)
    {
        var results = context.Model.Results;
        var uploaded = UploadedFiles(results, request.Documents ?? []);
        dossier.ResolvedAt = context.UtcNow;
        dossier.AddResults(results.Select(r => new DossierResult(r.Code, r.Name, context.UtcNow, context.Actor.UserName, null,
            r.Signed, r.Signed ? dossier.SignerUserName : null)));
        dossier.Status = DossierStatus.Resolved;
        // What the reports average: office minutes worked and paused, from reception to now (DESIGN §11).
        dossier.RecordProcessingTime(context);
        dossier.Raise(new DossierResolved(dossier, uploaded));
        return default;
    }

    /// <summary>
    /// Which uploaded file is which result: by the result's code; with one result, an older client's single
    /// file under any code is that result.
    /// </summary>
    private static Dictionary<string, Guid> UploadedFiles(IReadOnlyList<ResultSpec> results, IReadOnlyList<DocumentSubmission> documents)
    {
        var files = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].FileId is not { } file)
                continue;
            if (results.Any(r => r.Code == documents[i].Code))
                files[documents[i].Code] = file;
            else if (results.Count == 1)
                files.TryAdd(results[0].Code, file);
            else
                throw new DossierRefusedException(RefusalKind.Invalid,
                    $"'{documents[i].Code}' không phải kết quả của thủ tục; các kết quả: {string.Join(", ", results.Select(r => r.Code))}.", $"documents[{i}].code");
        }
        return files;
    }
}
