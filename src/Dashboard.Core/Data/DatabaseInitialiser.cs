using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Data;

/// <summary>Brings the database to the current schema and seeds what must always exist. Safe to run on every start.</summary>
public sealed class DatabaseInitialiser(
    DashboardDbContext db,
    RoleManager<IdentityRole> roles,
    FirstRunSetup firstRun,
    IOptions<FirstAdministratorOptions> firstAdministrator,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a write is in progress; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var role in OperatorRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var configured = firstAdministrator.Value;
        if (configured.IsConfigured && !await firstRun.IsCompleteAsync(cancellationToken))
        {
            var result = await firstRun.CreateFirstAdministratorAsync(
                new NewAdministrator(configured.Email!, configured.Email!, configured.Password!), cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Created the first administrator from the FirstAdministrator configuration section.");
            }
            else if (!result.AlreadyComplete)
            {
                throw new InvalidOperationException(
                    "FirstAdministrator could not be created: " + string.Join(" ", result.Errors));
            }
        }
    }
}

public static class DatabaseInitialiserExtensions
{
    public static async Task InitialiseDashboardDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(cancellationToken);
    }
}
