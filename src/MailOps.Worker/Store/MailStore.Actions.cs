using LiteDB;

namespace MailOps.Worker.Store;

/// <summary>
/// The reviewers' actions by mail (MailOps:Actions): each action mail handled is remembered under its own store id with
/// what became of it, and an applied one under its token too, so that a page read again after a kill changes nothing
/// and a second mail with a used token is refused. Applying writes the record, the confirmation and the action itself
/// in one transaction.
/// </summary>
internal sealed partial class MailStore
{
    private ILiteCollection<StoredMailAction> MailActionList => _db.GetCollection<StoredMailAction>("mailActions");

    /// <summary>What became of the action mail stored (or to be stored) under this mailbox id; null when it was never handled.</summary>
    public StoredMailAction? MailAction(string mailboxId) => Read("read", () => MailActionList.FindById(StoreKeys.Of(mailboxId)));

    /// <summary>The applied action that used this token (its mac), if any.</summary>
    public StoredMailAction? MailActionUsing(string token) => Read("read", () => MailActionList.FindOne(a => a.Token == token && a.Applied));

    /// <summary>
    /// Records an action applied, its reply and the action's own write (<paramref name="apply"/>: <see cref="Place"/>,
    /// <see cref="Accept"/> or <see cref="Dismiss"/>, which audit it under the reviewer) in one transaction, or none of
    /// them: the store's own methods run inside it, since LiteDB keeps one transaction a thread and their commit is the
    /// commit of all written before it. <paramref name="apply"/> must be one such call, its writes last.
    /// </summary>
    /// <exception cref="StoreException">The action's write refused (the message is no longer held): nothing was written.</exception>
    public void ApplyMailAction(StoredMailAction action, QueuedMail reply, Action<MailStore> apply) => Write("written", () =>
    {
        action.Id = StoreKeys.Of(action.Id);
        action.Applied = true;
        action.At = _time.GetUtcNow();
        _db.BeginTrans();
        try
        {
            MailActionList.Insert(action);
            QueueInTransaction(reply);
            Audit(action.By, "mail-action-applied", action.Target ?? action.Id, $"{action.Kind} by mail {action.Id}");
            apply(this);
        }
        catch
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception ex) when (ex is LiteException or IOException)
            {
                // The failure that matters is the one being thrown.
            }

            throw;
        }

        // apply's commit committed all; this one commits only if it wrote nothing of its own.
        _db.Commit();
        return true;
    });

    /// <summary>Records an action mail refused (or ignored), audited with why, and the reply saying so if there is one (none to a sender not vouched for).</summary>
    public void RefuseMailAction(StoredMailAction action, QueuedMail? reply, string actor) => Write("written", () =>
    {
        action.Id = StoreKeys.Of(action.Id);
        action.Applied = false;
        action.At = _time.GetUtcNow();
        InTransaction(() =>
        {
            MailActionList.Upsert(action);
            if (reply is not null)
            {
                QueueInTransaction(reply);
            }

            Audit(actor, "mail-action-refused", action.Target ?? action.Id, $"{action.Kind} by mail {action.Id} from {action.By}: {action.DetailEn}");
        });
        return true;
    });

    private void QueueInTransaction(QueuedMail mail)
    {
        if (Notifications.Exists(n => n.Id == mail.Key))
        {
            return;
        }

        Notifications.Insert(new StoredNotification { Id = mail.Key, Kind = mail.Kind, Mime = mail.Mime, QueuedAt = _time.GetUtcNow(), NotAfter = mail.NotAfter });
        Audit("mailops", "notification-queued", mail.Key, mail.Kind);
    }
}

/// <summary>An action mail handled: keyed by its store id; <see cref="Token"/> (the token's mac) is what an applied one used up.</summary>
public sealed class StoredMailAction
{
    public string Id { get; set; } = "";

    /// <summary>The action's word (<c>place</c>, <c>accept</c>, <c>dismiss</c>) as the subject named it; empty when none could be read.</summary>
    public string Kind { get; set; } = "";

    public string? Token { get; set; }

    /// <summary>The held message acted on (its store id), once the token named one.</summary>
    public string? Target { get; set; }

    public string? ObligationKey { get; set; }

    /// <summary>The sender, as From said (vouched for only when <see cref="Applied"/>).</summary>
    public string By { get; set; } = "";

    public bool Applied { get; set; }

    public string Detail { get; set; } = "";

    public string DetailEn { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
