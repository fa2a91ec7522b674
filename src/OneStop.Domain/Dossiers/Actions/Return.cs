namespace OneStop.Domain.Dossiers.Actions;

/// <summary><c>return</c> (trả lại bước trước): the step's officer sends the dossier back along a <c>return</c> transition.</summary>
public sealed class Return : TransitionAction
{
    public override string Name => DossierActions.Return;
}
