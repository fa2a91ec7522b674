using OneStop.NationalPortal.Mock;

// The same endpoints the API maps under /portal on the embedded default, in a process of their own, so the
// API can be tested against a portal that is slow, failing or stopped independently of it. It has no demo data:
// it starts only with a key of its own in MockPortal:ApiKey (MockPortal__ApiKey), never the published demo key.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMockNationalPortal(builder.Configuration);
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseRateLimiter();
app.MapHealthChecks("/health/live");
// "/portal" keeps NationalPortal:BaseUrl the same shape as on the embedded default; "" maps at the root.
app.MapMockNationalPortal(app.Configuration["MockPortal:Prefix"] ?? "/portal");

await app.RunAsync();
