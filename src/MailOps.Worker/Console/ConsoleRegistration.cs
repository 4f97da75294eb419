using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Web;

internal static class ConsoleRegistration
{
    /// <summary>
    /// <c>MailOps:Console</c>'s options on every command (so its keys are settings MailOps knows); the console itself
    /// only beside the running worker (<paramref name="serve"/>), started before the worker so that an address it
    /// cannot listen on stops MailOps before anything is read or sent.
    /// </summary>
    public static IServiceCollection AddMailOpsConsole(this IServiceCollection services, bool serve)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        if (serve)
        {
            services.AddSingleton<ConsoleHost>();
            services.AddHostedService(p => p.GetRequiredService<ConsoleHost>());
        }

        return services;
    }
}
