using OneStop.NationalServices.Mock;

// The same endpoints the API maps under /national on the embedded default, in a process of their own, so OneStop
// can be tried against national services that are slow, failing or stopped independently of it. It has no demo
// data to protect but starts only with secrets of its own: MockNational__ApiKey, MockNational__Lgsp__ConsumerKey
// and MockNational__Payment__Secret (never the published demo ones).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMockNationalServices(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseRateLimiter();
app.MapHealthChecks("/health/live");
// "/national" keeps OneStop's addresses the same shape as on the embedded default.
app.MapMockNationalServices(app.Configuration["MockNational:Prefix"] ?? "/national");

await app.RunAsync();
