using System.Globalization;
using LiteDB;
using MailOps.Compliance.Deadlines;

namespace MailOps.Worker.Store;

/// <summary>
/// What a person decides about a message held for them (the console's triage): count it as the report instance it
/// is (<see cref="Place"/>), or put it aside (<see cref="Dismiss"/>); both audited under their name with why. A
/// placed message becomes a submission as a matched one is (<see cref="StoredOutcomes.ToSubmission"/>), keeping the
/// reason it was held for; a dismissed one is kept as it was and listed in <see cref="Dismissals"/>.
/// </summary>
internal sealed partial class MailStore
{
    private ILiteCollection<StoredDismissal> DismissalList => _db.GetCollection<StoredDismissal>("dismissals");

    /// <summary>
    /// Counts the stored message (its mailbox id or Message-ID) as <paramref name="obligation"/>'s submission, received
    /// when it was. The caller checks that the regime owes that obligation; the store checks that the message is one
    /// held for a person and not already placed or dismissed.
    /// </summary>
    /// <exception cref="StoreException">No such message is held for a person.</exception>
    public StoredOutcome Place(string idOrMessageId, Obligation obligation, string author, string reason) => Write("written", () =>
    {
        var outcome = HeldOutcome(idOrMessageId);
        (outcome.Matched, outcome.Report, outcome.Unit, outcome.Period, outcome.AcceptedBy) = (true, obligation.ReportId, obligation.UnitId, obligation.Period.Id, author);
        InTransaction(() =>
        {
            Outcomes.Update(outcome);
            Audit(author, "submission-placed", outcome.Id, $"{obligation.Key}: {reason}");
        });
        OutcomeWritten(outcome.Id);
        return outcome;
    });

    /// <summary>Puts a held message aside: it stays stored as it was, and is no longer a person's task.</summary>
    /// <exception cref="StoreException">No such message is held for a person, or it was dismissed already.</exception>
    public StoredDismissal Dismiss(string idOrMessageId, string author, string reason) => Write("written", () =>
    {
        var outcome = HeldOutcome(idOrMessageId);
        var dismissal = new StoredDismissal { Id = outcome.Id, MessageId = outcome.MessageId, By = author, Reason = reason, At = _time.GetUtcNow() };
        InTransaction(() =>
        {
            DismissalList.Insert(dismissal);
            Audit(author, "message-dismissed", outcome.Id, reason);
        });
        DismissalsWritten();
        return dismissal;
    });

    public IReadOnlyList<StoredDismissal> Dismissals() => Read("read", () => (IReadOnlyList<StoredDismissal>)[.. DismissalList.FindAll()]);

    /// <summary>Every notification queued for an obligation (nudges and overdue notices carry its key), oldest first.</summary>
    public IReadOnlyList<StoredNotification> NotificationsFor(string obligationKey) => Read("read", () =>
    {
        string[] prefixes = [$"nudge/{obligationKey}/", $"overdue/{obligationKey}/"];
        return (IReadOnlyList<StoredNotification>)[.. prefixes.SelectMany(p => Notifications.Find(StoreQuery.MayStartWith("_id", p)).Where(n => n.Id.StartsWith(p, StringComparison.Ordinal)))
            .OrderBy(n => n.QueuedAt)];
    });

    /// <summary>The audit trail's records about one target (an obligation's key, a message's id), oldest first.</summary>
    public IReadOnlyList<AuditRecord> AuditOf(IReadOnlyCollection<string> targets) => Read("read", () =>
        (IReadOnlyList<AuditRecord>)[.. AuditTrail.Find(StoreQuery.In(nameof(AuditRecord.Target), targets)).OrderBy(a => a.Id)]);

    private StoredOutcome HeldOutcome(string idOrMessageId)
    {
        var wanted = idOrMessageId.Trim().Trim('<', '>');
        var outcome = Outcomes.FindById(StoreKeys.Of(idOrMessageId)) ?? Outcomes.FindAll().FirstOrDefault(o => o.MessageId.Trim('<', '>') == wanted);
        if (outcome is null || outcome.Matched || outcome.AcceptedBy is not null)
        {
            throw new StoreException($"\"{idOrMessageId}\" is not a stored message held for a person (it is unknown, or already counted).");
        }

        if (DismissalList.FindById(outcome.Id) is { } dismissed)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"\"{idOrMessageId}\" was dismissed by {dismissed.By} at {dismissed.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: {dismissed.Reason}"));
        }

        return outcome;
    }
}

/// <summary>A held message a person put aside, with who, when and why; keyed by the stored message's id.</summary>
public sealed class StoredDismissal
{
    public string Id { get; set; } = "";

    public string MessageId { get; set; } = "";

    public string By { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
