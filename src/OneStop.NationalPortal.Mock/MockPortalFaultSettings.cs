using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OneStop.NationalPortal.Mock;

/// <summary><c>PUT {prefix}/api/admin/faults</c>: the whole fault setting at once, each value checked and named when wrong.</summary>
internal static class MockPortalFaultSettings
{
    public static async Task<IResult> SetAsync(HttpRequest request, MockPortalStore store, CancellationToken ct)
    {
        var body = await MockPortalEndpoints.ReadObjectAsync(request, ct);
        if (body is null)
            return MockPortalEndpoints.Own(StatusCodes.Status400BadRequest, MockErrorCodes.Invalid, "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ.");

        // A PUT replaces the whole setting: what is left out is switched off.
        PortalFieldError? refused = null;
        var faults = new PortalFaults(
            ErrorRate: Rate(body, "errorRate", ref refused),
            RejectRate: Rate(body, "rejectRate", ref refused),
            LatencyMs: Milliseconds(body, "latencyMs", ref refused),
            Down: Switch(body, "down", ref refused),
            LatencyJitterMs: Milliseconds(body, "latencyJitterMs", ref refused),
            UnknownCodeRate: Rate(body, "unknownCodeRate", ref refused));
        if (refused is null && faults.ErrorRate + faults.RejectRate + faults.UnknownCodeRate > 1)
            refused = new PortalFieldError("errorRate", "Tổng errorRate, rejectRate và unknownCodeRate không được vượt quá 1.");
        if (refused is not null)
            return MockPortalEndpoints.Json(StatusCodes.Status400BadRequest, new MockAnswer(MockErrorCodes.Invalid, refused.Message) { Field = refused.Field });

        store.SetFaults(faults);
        return MockPortalEndpoints.Json(StatusCodes.Status200OK, faults);
    }

    private static double Rate(JsonObject body, string name, ref PortalFieldError? refused)
    {
        var node = body[name];
        if (node is null)
            return 0;
        if (node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var rate && rate is >= 0 and <= 1)
            return rate;
        refused ??= new PortalFieldError(name, $"Trường {name} phải là số từ 0 đến 1.");
        return 0;
    }

    private static int Milliseconds(JsonObject body, string name, ref PortalFieldError? refused)
    {
        var node = body[name];
        if (node is null)
            return 0;
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out int ms) && ms is >= 0 and <= PortalFaults.MaxLatencyMs)
            return ms;
        refused ??= new PortalFieldError(name, $"Trường {name} phải là số nguyên từ 0 đến {PortalFaults.MaxLatencyMs}.");
        return 0;
    }

    private static bool Switch(JsonObject body, string name, ref PortalFieldError? refused)
    {
        var node = body[name];
        if (node is null)
            return false;
        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return node.GetValue<bool>();
        refused ??= new PortalFieldError(name, $"Trường {name} phải là true hoặc false.");
        return false;
    }
}
