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
    /// and <c>MailOps:Sending</c>, and registers the chosen <see cref="IMailbox"/> as a singleton, and the Graph
    /// <see cref="GraphSignIn"/> (asked for only when <c>Kind</c> is <c>Graph</c>; see <see cref="GraphSignInOf"/>). The folder mailbox's folders are relative to the
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
        // One sign-in a process, shared by every Graph client; it holds the certificate the expiry warning reads.
        services.AddSingleton(provider => GraphSignIn.For(provider.GetRequiredService<IOptions<GraphMailboxOptions>>().Value));
        services.AddSingleton<IMailbox>(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            if (provider.GetRequiredService<IOptions<MailboxOptions>>().Value.IsGraph)
            {
                return new GraphMailbox(provider.GetRequiredService<IOptions<GraphMailboxOptions>>().Value, provider.GetRequiredService<GraphSignIn>(), time, provider.GetRequiredService<ILogger<GraphMailbox>>());
            }

            var folder = provider.GetRequiredService<IOptions<FolderMailboxOptions>>().Value;
            return new FolderMailbox(folder.RootedAt(provider.GetRequiredService<IHostEnvironment>().ContentRootPath), time);
        });
        return services;
    }

    /// <summary>The process's Graph sign-in when the Graph mailbox is chosen, else null (the folder mailbox signs in nowhere).</summary>
    /// <exception cref="MailboxAccessException">Its certificate cannot be loaded (the message names the key and the file).</exception>
    internal static GraphSignIn? GraphSignInOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MailboxOptions>>().Value.IsGraph ? services.GetRequiredService<GraphSignIn>() : null;
}
