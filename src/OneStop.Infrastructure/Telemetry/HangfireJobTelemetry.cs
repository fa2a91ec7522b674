using System.Diagnostics;
using Hangfire.Server;

namespace OneStop.Infrastructure.Telemetry;

/// <summary>
/// A span and a count for every background job a node runs (Hangfire has no OpenTelemetry instrumentation of its own):
/// the span parents the job's EF Core and HttpClient spans, so a portal delivery shows as one tree.
/// </summary>
public sealed class HangfireJobTelemetry(OneStopMetrics metrics, string nodeName) : IServerFilter
{
    private const string ActivityKey = "onestop.activity";

    public void OnPerforming(PerformingContext context)
    {
        var job = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var activity = OneStopTelemetry.Source.StartActivity($"job {job}", ActivityKind.Internal);
        activity?.SetTag("job.name", job);
        activity?.SetTag("job.id", context.BackgroundJob.Id);
        activity?.SetTag("service.instance.id", nodeName);
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        var job = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var succeeded = context.Exception is null || context.ExceptionHandled;
        metrics.JobExecuted(job, succeeded);
        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (!succeeded)
                activity.SetStatus(ActivityStatusCode.Error, context.Exception?.GetType().Name);
            activity.Dispose();
        }
    }
}
