using MailOps.Parsing;
using MailOps.Worker.Actions;
using MailOps.Worker.Assessment;
using MailOps.Worker.Events;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Regime;
using MailOps.Worker.Running;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using MailOps.Worker.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Hosting;

internal static class WorkerRegistration
{
    /// <summary>
    /// Everything a pulse needs, built on first use from validated options and the loaded regime: the store,
    /// the parser (with <c>MailOps:Parsing</c>), the assessor, the templates, the notifier and the dispatcher. In
    /// dry-run, mail is rendered into the folder mailbox's outbox whatever the mailbox read.
    /// </summary>
    public static IServiceCollection AddMailOpsWorker(this IServiceCollection services)
    {
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssessmentOptions>, AssessmentOptionsValidator>());
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.AddOptions<ParsingSettings>().BindConfiguration(ParsingSettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParsingSettings>, ParsingSettingsValidator>());
        services.AddOptions<MailActionOptions>().BindConfiguration(MailActionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailActionOptions>, MailActionOptionsValidator>());
        services.AddOptions<RunningOptions>().BindConfiguration(RunningOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RunningOptions>, RunningOptionsValidator>());

        services.AddSingleton(p => p.GetRequiredService<RegimeFiles>().Regime.Value
            ?? throw new InvalidOperationException("The regime did not load; MailOpsWorker reports why."));
        services.AddSingleton(p => MailStore.Open(Rooted(p, p.GetRequiredService<IOptions<StoreOptions>>().Value.Path), p.GetRequiredService<TimeProvider>()));
        services.AddSingleton(p => Parts(p));
        services.AddSingleton(p => p.GetRequiredService<RegimeParts>().Parser(p.GetRequiredService<Compliance.Regime>()));
        services.AddSingleton(p => p.GetRequiredService<RegimeParts>().Assessor(p.GetRequiredService<Compliance.Regime>()));
        services.AddSingleton(p => new TemplateRenderer(Rooted(p, p.GetRequiredService<IOptions<NotificationOptions>>().Value.Templates)));
        services.AddSingleton(p => p.GetRequiredService<RegimeParts>().Notifier(p.GetRequiredService<Compliance.Regime>()));
        services.AddSingleton(p =>
        {
            var files = p.GetRequiredService<RegimeFiles>();
            return new LiveEvents(p.GetRequiredService<Compliance.Regime>(), files.EventRules.Value, files.EventsPath, p.GetRequiredService<RegimeParts>());
        });
        services.AddSingleton(p => new NotificationDispatcher(
            SendingMailbox(p),
            p.GetRequiredService<MailStore>(),
            p.GetRequiredService<IOptions<SendingOptions>>().Value,
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<NotificationDispatcher>>(),
            new SendingHours(p.GetRequiredService<Compliance.Regime>().Zone, p.GetRequiredService<IOptions<NotificationOptions>>().Value.Policy().Hours)));
        services.AddSingleton(p => ActionsFor(p, p.GetRequiredService<MailStore>()));
        services.AddSingleton<MailOpsMetrics>();
        services.AddSingleton<Pulse>();

        return services;
    }

    /// <summary>The reviewers' actions by mail (off without <c>MailOps:Actions:SigningKey</c>), for an ingest into <paramref name="store"/>: the worker's, or the one a command opened.</summary>
    public static MailActions ActionsFor(IServiceProvider p, MailStore store) => new(
        p.GetRequiredService<IOptions<MailActionOptions>>().Value,
        p.GetRequiredService<TimeProvider>(),
        () => p.GetRequiredService<LiveEvents>().Bind(store).Regime,
        new MimeKit.MailboxAddress(p.GetRequiredService<IOptions<NotificationOptions>>().Value.SenderName, p.GetRequiredService<IMailbox>().Identity.Address),
        p.GetRequiredService<ILogger<MailActions>>());

    // What depends on the regime's events, built again for each set of events the store comes to hold (LiveEvents).
    private static RegimeParts Parts(IServiceProvider p)
    {
        var parsing = p.GetRequiredService<IOptions<ParsingSettings>>().Value.ToParsingOptions();
        var assessment = p.GetRequiredService<IOptions<AssessmentOptions>>().Value;
        var notifications = p.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var console = p.GetRequiredService<IOptions<ConsoleOptions>>().Value.MailLinkBase;
        var actions = p.GetRequiredService<IOptions<MailActionOptions>>().Value;
        return new RegimeParts(
            regime => new MessageParser(regime, parsing),
            regime => new Assessor(regime, assessment),
            regime => new Notifier(regime, notifications, assessment, p.GetRequiredService<TemplateRenderer>(), p.GetRequiredService<IMailbox>().Identity.Address, console, actions));
    }

    private static IMailbox SendingMailbox(IServiceProvider p)
    {
        if (!p.GetRequiredService<IOptions<NotificationOptions>>().Value.DryRun)
        {
            return p.GetRequiredService<IMailbox>();
        }

        var folder = p.GetRequiredService<IOptions<FolderMailboxOptions>>().Value;
        return new FolderMailbox(folder.RootedAt(p.GetRequiredService<IHostEnvironment>().ContentRootPath), p.GetRequiredService<TimeProvider>());
    }

    private static string Rooted(IServiceProvider p, string path) => Path.GetFullPath(path, p.GetRequiredService<IHostEnvironment>().ContentRootPath);
}
