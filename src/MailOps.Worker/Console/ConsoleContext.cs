using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Web;

/// <summary>
/// The running worker's own singletons, as the console's pages use them: the one store (held by this process), the
/// regime, the assessor, the notifier and the clock. They belong to the worker's container, which disposes them;
/// the console's container only holds this.
/// </summary>
internal sealed class ConsoleContext(IServiceProvider worker)
{
    public IServiceProvider Worker => worker;

    public MailStore Store => worker.GetRequiredService<MailStore>();

    public Compliance.Regime Regime => worker.GetRequiredService<Compliance.Regime>();

    public Assessor Assessor => worker.GetRequiredService<Assessor>();

    public Notifier Notifier => worker.GetRequiredService<Notifier>();

    public TimeProvider Time => worker.GetRequiredService<TimeProvider>();

    public AssessmentOptions Assessment => worker.GetRequiredService<IOptions<AssessmentOptions>>().Value;

    public ConsoleOptions Options => worker.GetRequiredService<IOptions<ConsoleOptions>>().Value;

    public string Mailbox => worker.GetRequiredService<Mailboxes.IMailbox>().Identity.Address;

    /// <summary>Everything judged now, as the worker's next beat would judge it.</summary>
    public Snapshot Judge() => Assessor.Judge(Store, Time.GetUtcNow());
}
