using Bunit;
using Dashboard.Core.Audit;
using Dashboard.Core.Messages;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Numbers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Messages;

/// <summary>The real message services over the scripted numbers, a history-serving client and a real database.</summary>
public abstract class MessagesTestContext : NumberComponentTestContext
{
    protected MessagesTestContext()
    {
        History = new HistoryPilotStatusClient(Api);
        Services.AddSingleton<IPilotStatusClient>(History);
        Services.AddSingleton<ILogger<AuditLog>>(NullLogger<AuditLog>.Instance);
        Services.AddScoped<RequestOrigin>();
        Services.AddScoped<AuditLog>();
        Services.AddSingleton<MessagePageCache>();
        Services.AddScoped<MessageHistory>();
        Api.Numbers.Add(ContractNumbers.Qr());
    }

    internal HistoryPilotStatusClient History { get; }
}
