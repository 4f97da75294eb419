using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Running;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// One running worker's beat as the host composes it: a real store file, the real parser, assessor, notifier,
/// templates and dispatcher over a given mailbox, judged from 2026-11-01 as the shipped settings do.
/// </summary>
internal sealed class PulseHarness : IDisposable
{
    private PulseHarness(MailStore store, Assessor assessor, Notifier notifier, Pulse pulse, NotificationDispatcher dispatcher)
    {
        Store = store;
        Assessor = assessor;
        Notifier = notifier;
        Pulse = pulse;
        Dispatcher = dispatcher;
    }

    public MailStore Store { get; }

    public Assessor Assessor { get; }

    public Notifier Notifier { get; }

    public Pulse Pulse { get; }

    private NotificationDispatcher Dispatcher { get; }

    /// <param name="notifications">Default: HQ's digest, monthly and quarterly mail to the group.cs role.</param>
    /// <param name="eventsFile">With it, the beat's events are the store's (LiveEvents): this file imported, invitations read, as the host runs.</param>
    /// <param name="actions">With it, the digest offers actions by mail and the beat applies them (MailOps:Actions).</param>
    public static PulseHarness Start(string storePath, TimeProvider time, IMailbox mailbox, NotificationOptions? notifications = null, int backups = 0, MailOpsMetrics? metrics = null, string? eventsFile = null, MailOps.Worker.Actions.MailActionOptions? actions = null)
    {
        var regime = ShippedRegime.Regime;
        var store = MailStore.Open(storePath, time);
        var assessment = new AssessmentOptions { Since = new DateOnly(2026, 11, 1) };
        notifications ??= new NotificationOptions { Recipients = { Digest = ["group.cs"], Monthly = ["group.cs"], Quarterly = ["group.cs"] } };
        var assessor = new Assessor(regime, assessment);
        var notifier = new Notifier(regime, notifications, assessment, new TemplateRenderer(Path.Combine(AppContext.BaseDirectory, "templates")), mailbox.Identity.Address, actions: actions);
        var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions { PerMinute = 10_000 }, time, NullLogger<NotificationDispatcher>.Instance);
        var templates = new TemplateRenderer(Path.Combine(AppContext.BaseDirectory, "templates"));
        var live = eventsFile is null ? null : new MailOps.Worker.Events.LiveEvents(regime, ShippedRegime.EventRules, eventsFile, new MailOps.Worker.Events.RegimeParts(
            r => new MessageParser(r),
            r => new Assessor(r, assessment),
            r => new Notifier(r, notifications, assessment, templates, mailbox.Identity.Address)));
        var pulse = new Pulse(mailbox, store, new MessageParser(regime), assessor, notifier, dispatcher, time, NullLogger<Pulse>.Instance, Microsoft.Extensions.Options.Options.Create(new StoreOptions { Path = storePath, BackupCount = backups }), metrics, live,
            actions: actions is null ? null : new MailOps.Worker.Actions.MailActions(actions, time, () => regime, new MimeKit.MailboxAddress(notifications.SenderName, mailbox.Identity.Address)));
        return new PulseHarness(store, assessor, notifier, pulse, dispatcher);
    }

    public Task<PulseReport> BeatAsync(BeatReason reason = BeatReason.Interval) => Pulse.RunAsync(reason, CancellationToken.None);

    public void Dispose()
    {
        Pulse.Dispose();
        Dispatcher.Dispose();
        Store.Dispose();
    }
}
