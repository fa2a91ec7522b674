using OneStop.Domain.Definitions;

namespace OneStop.Domain.Dossiers.Actions;

/// <summary>
/// <c>forward</c> (chuyển bước): the step's officer sends the dossier along a transition, optionally <c>to</c> a
/// named step or <c>toUnit</c> a unit. At a consultation step the way forward opens only once enough consulted
/// units have answered (<c>join</c>).
/// </summary>
public sealed class Forward : TransitionAction
{
    public override string Name => DossierActions.Forward;

    internal override DossierRefusedException? Check(Dossier dossier, StepModel step, DossierContext context)
    {
        if (base.Check(dossier, step, context) is { } refusal)
            return refusal;
        if (step.Kind != StepKinds.Consultation)
            return null;
        var answered = dossier.OpenRound.Count(c => c.IsAnswered);
        return answered >= step.Join ? null
            : Conflict($"Mới có {answered}/{dossier.OpenRound.Count} ý kiến; cần {step.Join} ý kiến trước khi chuyển bước.");
    }
}
