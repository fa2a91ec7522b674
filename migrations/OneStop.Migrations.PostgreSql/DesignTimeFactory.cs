using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Persistence;

namespace OneStop.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the context for the PostgreSql provider without starting the API (or a server).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OneStopDbContext>
{
    public OneStopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DependencyInjection.Configure(options, DatabaseProviders.PostgreSql, Path.Combine(Path.GetTempPath(), "onestop-design"),
            "Host=localhost;Database=onestop;Username=onestop");
        return new OneStopDbContext(options.Options);
    }
}
