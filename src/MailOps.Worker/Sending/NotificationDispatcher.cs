using MailOps.Compliance.Common;
using MailOps.Compliance.Notices;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Sending;

/// <summary>
/// Sends the store's queued notifications through the mailbox, each exactly once: a draft is created and its id
/// recorded before it is sent, and a notification found with a draft but no send (a crash between the two) is
/// sent only if the mailbox says the draft still waits. At most <see cref="SendingOptions.PerMinute"/> sends in
/// any minute and <see cref="SendingOptions.Concurrency"/> in flight. A notification that fails stays queued for
/// the next drain. With <paramref name="hours"/>, nothing is sent outside the working hours (what waits goes at their
/// next start), and a notification whose last instant has passed before its first try is dropped, never sent: a
/// nudge after its deadline, yesterday's digest.
/// </summary>
internal sealed partial class NotificationDispatcher(IMailbox mailbox, MailStore store, SendingOptions options, TimeProvider time, ILogger<NotificationDispatcher> logger, SendingHours? hours = null) : IDisposable
{
    private readonly PerMinuteGate _rate = new(options.PerMinute, time);

    /// <summary>One pass over what is queued now; returns what it sent, found already sent, dropped, and left queued.</summary>
    public async Task<DispatchCounts> DrainAsync(CancellationToken cancellationToken)
    {
        var counts = new DispatchCounts();
        var now = time.GetUtcNow();
        if (hours is { } open && !open.Contain(now))
        {
            return counts;
        }

        var unsent = new List<StoredNotification>();
        foreach (var notification in store.Unsent())
        {
            // One already drafted is half sent (a crash between draft and send): it is finished, not dropped.
            if (notification is { NotAfter: { } last, DraftId: null } && last < now)
            {
                store.RecordExpired(notification.Id, last);
                counts.AddExpired();
                LogExpired(logger, notification.Id, last);
            }
            else
            {
                unsent.Add(notification);
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(unsent, parallel, async (notification, ct) =>
        {
            // Every line logged while sending it carries the notification's key (kind, obligation or period, recipient).
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["NotificationKey"] = notification.Id });
            try
            {
                switch (await DeliverAsync(notification, ct).ConfigureAwait(false))
                {
                    case true:
                        counts.AddSent();
                        break;
                    case false:
                        counts.AddRecovered();
                        break;
                    case null when notification.NotAfter is { } last && last < time.GetUtcNow():
                        counts.AddExpired();
                        break;
                }
            }
            // A refusal (MailboxAccessException) is not caught: it is no passing failure, and it stops the worker
            // with what the administrator must grant.
            catch (Exception ex) when (ex is MailboxUnavailableException or IOException)
            {
                counts.AddFailed();
                LogFailed(logger, notification.Id, ex.Message);
            }
        }).ConfigureAwait(false);
        return counts;
    }

    public void Dispose() => _rate.Dispose();

    /// <returns>
    /// True when this call sent it; false when an earlier run had (its draft has left the drafts); null when it is not
    /// sent now: the working hours ended, or its last instant passed, while it waited for its turn (a long paced drain).
    /// </returns>
    private async Task<bool?> DeliverAsync(StoredNotification notification, CancellationToken cancellationToken)
    {
        var draftId = notification.DraftId;
        if (draftId is not null)
        {
            var state = await mailbox.DraftStateAsync(draftId, cancellationToken).ConfigureAwait(false);
            if (state != DraftState.Waiting)
            {
                LogRecovered(logger, notification.Id, draftId, state);
                store.RecordSent(notification.Id, draftId);
                return false;
            }
        }

        // The turn is taken before the draft is made, and the time looked at again once it comes: a drain of hundreds
        // at 30 a minute lasts long enough for a deadline, or the working day's end, to pass in between.
        using (await _rate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            if (draftId is null && notification.NotAfter is { } last && last < now)
            {
                store.RecordExpired(notification.Id, last);
                LogExpired(logger, notification.Id, last);
                return null;
            }

            if (draftId is null && hours is { } open && !open.Contain(now))
            {
                return null;
            }

            if (draftId is null)
            {
                draftId = await mailbox.CreateDraftAsync(new OutgoingMail(notification.Id, notification.Mime), cancellationToken).ConfigureAwait(false);
                store.RecordDraft(notification.Id, draftId);
            }

            var sentId = await mailbox.SendDraftAsync(draftId, cancellationToken).ConfigureAwait(false);
            store.RecordSent(notification.Id, sentId);
            return true;
        }
    }

    [LoggerMessage(201, LogLevel.Warning, "Notification {Key} stays queued for the next drain: {Reason}")]
    private static partial void LogFailed(ILogger logger, string key, string reason);

    [LoggerMessage(203, LogLevel.Warning, "Notification {Key} is dropped unsent: it had to go by {NotAfter} and could not")]
    private static partial void LogExpired(ILogger logger, string key, DateTimeOffset notAfter);

    [LoggerMessage(202, LogLevel.Information, "Notification {Key}: its draft {DraftId} is {State}, so an earlier run sent it; recorded as sent")]
    private static partial void LogRecovered(ILogger logger, string key, string draftId, DraftState state);
}

/// <summary>When MailOps may send: the working hours in the regime's zone.</summary>
internal sealed record SendingHours(RegimeZone Zone, WorkingHours Hours)
{
    public bool Contain(DateTimeOffset at) => Hours.Contains(Zone, at);
}

/// <summary>What one drain did: sent now, found sent by an earlier run, dropped past its last instant, and left queued after a failure.</summary>
internal sealed class DispatchCounts
{
    private int _sent;
    private int _recovered;
    private int _failed;
    private int _expired;

    public int Sent => _sent;

    public int Recovered => _recovered;

    public int Failed => _failed;

    public int Expired => _expired;

    public void AddSent() => Interlocked.Increment(ref _sent);

    public void AddRecovered() => Interlocked.Increment(ref _recovered);

    public void AddFailed() => Interlocked.Increment(ref _failed);

    public void AddExpired() => Interlocked.Increment(ref _expired);
}
