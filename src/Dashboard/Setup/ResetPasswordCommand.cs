using Dashboard.Core.Operators;

namespace Dashboard.Setup;

/// <summary>
/// <c>dotnet run --project src/Dashboard -- reset-password EMAIL</c>: prints a one-time reset link. The way back in
/// for the last administrator, since the dashboard sends no email.
/// </summary>
internal static class ResetPasswordCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreatePasswordResetLinkAsync(email);
        if (link is null)
        {
            await Console.Error.WriteLineAsync($"No operator has the email '{email}'. Check the spelling; operators sign in with their email.");
            return 1;
        }

        Console.WriteLine("Open this address on the dashboard (add it to the dashboard's URL, e.g. http://localhost:5180/):");
        Console.WriteLine(link);
        Console.WriteLine("The link works once, and stops working when the password is changed.");
        return 0;
    }
}
