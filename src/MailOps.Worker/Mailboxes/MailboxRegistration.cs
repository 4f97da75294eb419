using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Mailboxes;

internal static class MailboxRegistration
{
    /// <summary>
    /// Binds and validates <c>MailOps:Mailbox</c> (<c>Kind</c>: <c>Folder</c> or <c>Graph</c>) and each kind's section,
    /// and <c>MailOps:Sending</c>, and registers the chosen <see cref="IMailbox"/> as a singleton. The folder mailbox's folders are relative to the
    /// program's folder.
    /// </summary>
    internal static IServiceCollection AddMailOpsMailbox(this IServiceCollection services)
    {
        // TryAddEnumerable: a validator registered twice would report each failure twice.
        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailboxOptions>, MailboxOptionsValidator>());
        services.AddOptions<FolderMailboxOptions>().BindConfiguration(FolderMailboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FolderMailboxOptions>, FolderMailboxOptionsValidator>());
        services.AddOptions<GraphMailboxOptions>().BindConfiguration(GraphMailboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphMailboxOptions>, GraphMailboxOptionsValidator>());

        // Sending goes through the mailbox, so its pacing is configured with it.
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendingOptions>, SendingOptionsValidator>());
        services.AddSingleton<IMailbox>(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            if (provider.GetRequiredService<IOptions<MailboxOptions>>().Value.IsGraph)
            {
                return new GraphMailbox(provider.GetRequiredService<IOptions<GraphMailboxOptions>>().Value, time, provider.GetRequiredService<ILogger<GraphMailbox>>());
            }

            var folder = provider.GetRequiredService<IOptions<FolderMailboxOptions>>().Value;
            return new FolderMailbox(folder.RootedAt(provider.GetRequiredService<IHostEnvironment>().ContentRootPath), time);
        });
        return services;
    }
}
