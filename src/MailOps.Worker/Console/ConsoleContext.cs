using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Web;

/// <summary>
/// The running worker's own singletons, as the console's pages use them: the one store (held by this process), the
/// regime with the store's events, the assessor and notifier bound to them, and the clock. They belong to the worker's container, which disposes them;
/// the console's container only holds this.
/// </summary>
internal sealed class ConsoleContext(IServiceProvider worker)
{
    public IServiceProvider Worker => worker;

    public MailStore Store => worker.GetRequiredService<MailStore>();

    /// <summary>The regime and what judges and words mail, bound to the events the store holds now (as the next beat's).</summary>
    public Events.RegimeBound Bound => worker.GetRequiredService<Events.LiveEvents>().Bind(Store);

    public Compliance.Regime Regime => Bound.Regime;

    public Assessor Assessor => Bound.Assessor;

    public Notifier Notifier => Bound.Notifier;

    public TimeProvider Time => worker.GetRequiredService<TimeProvider>();

    public AssessmentOptions Assessment => worker.GetRequiredService<IOptions<AssessmentOptions>>().Value;

    public ConsoleOptions Options => worker.GetRequiredService<IOptions<ConsoleOptions>>().Value;

    public string Mailbox => worker.GetRequiredService<Mailboxes.IMailbox>().Identity.Address;

    /// <summary>Everything judged now, as the worker's next beat would judge it.</summary>
    public Snapshot Judge() => Assessor.Judge(Store, Time.GetUtcNow());
}
