using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Timers;

namespace OneStop.Api.Tests.Infrastructure;

/// <summary>
/// The steps no officer of the step's role moves on: a consultation waits for the consulted units' opinions, a
/// wait (niêm yết) ends by itself when its time is over. Drivers call this before asking for the next action.
/// </summary>
public static class WorkflowSteps
{
    /// <summary>Does what the current step needs from others or from time; true when it did something.</summary>
    public static async Task<bool> MoveSpecialStepAsync(this OneStopFactory factory, string code)
    {
        var admin = await factory.SignInAsync("admin");
        var (dossier, _) = await admin.GetDossierAsync(code);
        var kind = dossier["currentStep"]!.Str("kind");
        if (kind == "wait" && dossier.Str("status") is "InProgress" or "Received")
        {
            await factory.ElapseStepAsync(dossier);
            return true;
        }
        if (kind != "consultation")
            return false;
        var open = dossier["consultations"]!.AsArray()
            .Where(c => c!["stepId"]!.GetValue<string>() == dossier["currentStep"]!.Str("id") && c["answer"] is null).ToList();
        foreach (var consultation in open)
            await factory.AnswerConsultationAsync(code, consultation!.Str("unitCode"), "agree", "Thống nhất với hồ sơ thiết kế.");
        return open.Count > 0;
    }

    public static async Task<JsonObject> AnswerConsultationAsync(this OneStopFactory factory, string code, string unitCode, string answer, string? comment)
    {
        var appraiser = await factory.SignInAsync(Demo.Officer("appraiser", unitCode));
        var (_, etag) = await appraiser.GetDossierAsync(code);
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Consultation(code, unitCode))
        {
            Content = JsonContent.Create(new { answer, comment }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await appraiser.SendAsync(request);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"answer {unitCode} on {code}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Moves the clock a minute past the step's due date and runs the timer sweep, as the minutely job would.</summary>
    public static async Task ElapseStepAsync(this OneStopFactory factory, JsonObject dossier)
    {
        var due = dossier["stepDueDate"]!.GetValue<DateTimeOffset>();
        if (factory.Clock.GetUtcNow() <= due)
            factory.Clock.SetUtcNow(due.AddMinutes(1));
        await factory.RunDueTimersAsync();
    }

    public static async Task<int> RunDueTimersAsync(this OneStopFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DossierTimerJob>().RunDueAsync(CancellationToken.None);
    }
}
