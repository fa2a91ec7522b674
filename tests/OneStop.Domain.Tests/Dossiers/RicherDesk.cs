using System.Text.Json;
using OneStop.Domain.Codes;
using OneStop.Domain.Dossiers;
using OneStop.Domain.Dossiers.Actions;

namespace OneStop.Domain.Tests.Dossiers;

/// <summary>Dossiers of <see cref="RicherDefinition"/> brought to a given step at Monday 02/03/2026 09:00.</summary>
internal sealed class RicherDesk
{
    public static readonly DateTime Monday = VietnamTime.Vn(2026, 3, 2, 9, 0);

    public DossierDesk Desk { get; } = new(RicherDefinition.Definition);

    public static Actor Appraiser(string unit) => People.Officer(RoleNames.Appraiser, unit);

    public Dossier Received(int pages = 3, Applicant? applicant = null)
    {
        var dossier = Dossier.Submit(Desk.Context(People.Reception(), Monday), DossierCodes.Format("000.17.22.H56", new DateOnly(2026, 3, 2), 1),
            "ABCD2345", applicant ?? People.Person(), Channel.Counter, TestUnits.Commune, [new DocumentSubmission("DON")],
            RicherDefinition.Form(pages));
        Desk.Act(dossier, People.Reception(), DossierActions.Receive, Monday);
        return dossier;
    }

    /// <summary>Claimed by the commune's specialist and forwarded: with a fee, into the consultation.</summary>
    public Dossier Consulting()
    {
        var dossier = Received();
        Desk.Act(dossier, People.Specialist(), DossierActions.Claim, Monday);
        Desk.Act(dossier, People.Specialist(), DossierActions.Forward, Monday);
        return dossier;
    }

    public void Answer(Dossier dossier, string unit, string answer, DateTime at, string? comment = null) =>
        Desk.Act(dossier, Appraiser(unit), DossierActions.AnswerConsultation, at, new ActionRequest(comment, Answer: answer, UnitCode: unit));

    public TimerOutcome Fire(Dossier dossier, TimerKind kind, DateTime at, string? target = null) =>
        dossier.FireTimer(dossier.Timers.Single(t => t.Kind == kind && t.StepEntry == dossier.StepEntry && (target is null || t.Target == target)).Id,
            Desk.Context(Actor.System, at));

    public static IReadOnlyList<NotificationRequested> Notifications(Dossier dossier) => dossier.DomainEvents.OfType<NotificationRequested>().ToList();

    public static JsonElement Number(int value) => JsonSerializer.SerializeToElement(value);
}
