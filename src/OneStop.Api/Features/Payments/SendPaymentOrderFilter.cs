using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Features.Dossiers;
using OneStop.Domain.Dossiers;
using OneStop.Infrastructure.NationalServices;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Api.Features.Payments;

/// <summary>
/// After a successful <c>request-payment</c>, the order it opened is created at the platform at once, so the citizen
/// can pay straight away; if the platform is down the answer is unchanged and the order is created later (on the
/// next read of the payment, or by the reconciliation). The action's answer is matched by what it holds, not by its
/// union type, which grows as actions do (a package's answer since issue 16).
/// </summary>
public sealed class SendPaymentOrderFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.GetRouteValue("action") as string != DossierActions.RequestPayment || http.GetRouteValue("code") is not string code
            || result is not INestedHttpResult { Result: Ok<DossierResponse> })
            return result;
        var db = http.RequestServices.GetRequiredService<OneStopDbContext>();
        var orders = http.RequestServices.GetRequiredService<PaymentOrders>();
        var dossierId = await db.Dossiers.AsNoTracking().Where(d => d.Code == code).Select(d => d.Id).FirstAsync(http.RequestAborted);
        if (await orders.LatestAsync(dossierId, http.RequestAborted) is { State: PaymentOrderState.Unsent } order)
            await orders.SendAsync(order, http.RequestAborted);
        return result;
    }
}
