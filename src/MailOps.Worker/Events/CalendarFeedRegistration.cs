using MailOps.Worker.Mailboxes.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Events;

internal static class CalendarFeedRegistration
{
    /// <summary>
    /// Binds and validates <c>MailOps:Events:Calendar</c>, and registers <see cref="ICalendarFeed"/> (the Graph
    /// calendar, signing in with the Graph mailbox's <see cref="GraphSignIn"/>) only when its <c>Mailbox</c> is set, so
    /// <c>GetService&lt;ICalendarFeed&gt;()</c> is null while no calendar is configured.
    /// </summary>
    public static IServiceCollection AddMailOpsCalendarFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarFeedOptions>().BindConfiguration(CalendarFeedOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarFeedOptions>, CalendarFeedOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration[$"{CalendarFeedOptions.Section}:{nameof(CalendarFeedOptions.Mailbox)}"]))
        {
            return services;
        }

        services.AddSingleton<ICalendarFeed>(p => new GraphCalendarFeed(
            p.GetRequiredService<IOptions<CalendarFeedOptions>>().Value,
            p.GetRequiredService<IOptions<GraphMailboxOptions>>().Value,
            p.GetRequiredService<GraphSignIn>(),
            p.GetRequiredService<Compliance.Regime>().Zone,
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<GraphCalendarFeed>>()));
        return services;
    }
}
