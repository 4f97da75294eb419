using MailOps.Compliance.Common;
using MailOps.Parsing;
using MailOps.Worker.Cli;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace MailOps.Worker.Actions;

/// <summary>
/// Applies a reviewer's action from the digest when its mail is read (MailOps:Actions), through the store's own triage
/// writes (<see cref="MailStore.Place"/>, <see cref="MailStore.Accept"/>, <see cref="MailStore.Dismiss"/>), audited
/// under the reviewer's address; the obligation touched is judged at the beat's judging, after the ingest.
/// </summary>
/// <remarks>
/// An action mail is never a report and never a person's task: it is stored as <see cref="NonMatchReason.MailAction"/>
/// whatever becomes of it. It is applied only from a configured reviewer whose From the tenant vouches for
/// (<see cref="MessageParser.Unvouched"/>), with a token of this key for the action the subject names, not expired and
/// not used before. MailOps's own mail, delivery reports and automatic replies are left as the parser read them, and a
/// sender not vouched for or no reviewer is refused without a reply (no backscatter to a forged From, no loop); any
/// other refusal is answered with why, and an applied action with a confirmation, Chinese first.
/// </remarks>
internal sealed partial class MailActions
{
    private readonly MailActionOptions _options;
    private readonly ActionSigner? _signer;
    private readonly TimeProvider _time;
    private readonly Func<Compliance.Regime> _regime;
    private readonly MailboxAddress _sender;
    private readonly ILogger _logger;

    /// <param name="regime">The regime with the events the store holds now, which says what a placement may name.</param>
    /// <param name="sender">Who replies: the watched mailbox, as the notifications are sent.</param>
    public MailActions(MailActionOptions options, TimeProvider time, Func<Compliance.Regime> regime, MailboxAddress sender, ILogger<MailActions>? logger = null)
    {
        _options = options;
        _signer = options.Enabled ? new ActionSigner(options.KeyBytes) : null;
        _time = time;
        _regime = regime;
        _sender = sender;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>What the subject of a mail asks, when actions by mail are on; null for any other mail.</summary>
    public ActionClaim? Claim(string? subject) => _signer is null ? null : ActionMail.Read(subject);

    /// <summary>
    /// Handles the action mail <paramref name="seen"/> (already parsed as <paramref name="parsed"/>), writing in the store
    /// what it did before the mail's page is committed; returns the mail's outcome. A mail handled before (its page read
    /// again after a kill) is answered from what the store recorded, and nothing is done twice.
    /// </summary>
    public StoredOutcome Handle(MailStore store, StoredMessage seen, byte[] raw, ParseOutcome parsed, MessageParser parser, ActionClaim claim)
    {
        var mailId = seen.MailboxId ?? seen.Id;
        if (store.MailAction(mailId) is { } earlier)
        {
            return Outcome(seen, parsed, earlier.Applied, new LocalizedText(earlier.Detail, earlier.DetailEn));
        }

        // Not a person asking: what MailOps sent itself (a confirmation that came back), a bounce, an out-of-office.
        if (parsed.Reason is NonMatchReason.OwnMail or NonMatchReason.DeliveryReport or NonMatchReason.AutoReply)
        {
            return StoredOutcomes.From(seen.Id, parsed);
        }

        var from = parsed.Message?.From?.Address ?? "";
        var record = new StoredMailAction { Id = mailId, Kind = MailActionKinds.Name(claim.Kind), By = from };
        if (Unheard(from, raw, parser) is { } ignored)
        {
            LogIgnored(_logger, MailActionKinds.Name(claim.Kind), from, ignored.En);
            (record.Detail, record.DetailEn) = (ignored.Zh, ignored.En);
            store.RefuseMailAction(record, reply: null, actor: "mailops");
            return Outcome(seen, parsed, false, ignored);
        }

        var (verdict, target, token) = Verify(store, claim, Sent(seen));
        record.Target = target?.Id;
        record.Token = token is null ? null : Convert.ToHexStringLower(token.Mac);
        record.ObligationKey = token?.ObligationKey;
        if (verdict is { } refused)
        {
            return Refuse(store, seen, parsed, record, claim, target, refused);
        }

        if (store.MailActionUsing(record.Token!) is { } used)
        {
            var already = new LocalizedText(
                $"该操作已于 {used.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC 由 {used.By} 执行过，本次未重复执行",
                $"this action was already applied by {used.By} at {used.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC; nothing was done again");
            return Refuse(store, seen, parsed, record, claim, target, already);
        }

        var reason = ActionMail.Reason(parsed.Message?.TextBody) ?? DefaultReason(claim.Kind).Zh + " / " + DefaultReason(claim.Kind).En;
        Action<MailStore> apply;
        if (claim.Kind == MailActionKind.Place)
        {
            if (new ObligationLookup(_regime()).Find(token!.ObligationKey, _time.GetUtcNow()).Obligation is not { } obligation)
            {
                return Refuse(store, seen, parsed, record, claim, target, new LocalizedText(
                    $"“{token!.ObligationKey}”不是制度规定、且已开始报送的报表实例", $"\"{token!.ObligationKey}\" is not a report instance the regime owes whose window has opened"));
            }

            apply = s => s.Place(target!.Id, obligation, from, reason);
        }
        else
        {
            apply = claim.Kind == MailActionKind.Accept ? s => s.Accept(target!.Id, from, reason) : s => s.Dismiss(target!.Id, from, reason);
        }

        var done = Done(claim.Kind, target!, token!.ObligationKey, reason);
        (record.Detail, record.DetailEn) = (done.Zh, done.En);
        try
        {
            store.ApplyMailAction(record, Reply(mailId, from, parsed, done, applied: true), apply);
        }
        catch (StoreException ex) when (ex is not StoreFaultException)
        {
            return Refuse(store, seen, parsed, record, claim, target, new LocalizedText(ex.Message, ex.Message));
        }

        LogApplied(_logger, MailActionKinds.Name(claim.Kind), target!.MessageId, from);
        return Outcome(seen, parsed, true, done);
    }

    // Why MailOps does not even answer: a sender it cannot vouch for, or no reviewer.
    private LocalizedText? Unheard(string from, byte[] raw, MessageParser parser)
    {
        if (parser.Unvouched(raw) is { } unvouched)
        {
            return new LocalizedText("发件人未通过认证：" + unvouched.Zh, "the sender is not authenticated: " + unvouched.En);
        }

        return _options.IsReviewer(from)
            ? null
            : new LocalizedText($"{from} 不是 {MailActionOptions.Section}:Reviewers 中的审核人", $"{from} is not one of {MailActionOptions.Section}:Reviewers");
    }

    // The token, the held message it names and whether it allows what the subject asks; a refusal's why, or null.
    private (LocalizedText? Refused, StoredOutcome? Target, ReadToken? Token) Verify(MailStore store, ActionClaim claim, DateTimeOffset now)
    {
        if (ActionSigner.Read(claim.Token) is not { } token)
        {
            return (new LocalizedText("主题中的令牌无法识别（主题可能被改动）", "the subject's token cannot be read (was the subject changed?)"), null, null);
        }

        foreach (var candidate in Candidates(store, token))
        {
            switch (_signer!.Check(token, claim.Kind, candidate.Id, now))
            {
                case TokenVerdict.Valid:
                    return (null, candidate, token);
                case TokenVerdict.WrongAction:
                    return (new LocalizedText(
                        $"令牌是为“{Word(token.Kind).Zh}”签发的，主题却要求“{Word(claim.Kind).Zh}”",
                        $"the token was signed for \"{Word(token.Kind).En}\" but the subject asks to {Word(claim.Kind).En}"), candidate, token);
                case TokenVerdict.Expired:
                    return (new LocalizedText(
                        $"令牌已于 {token.Expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC 过期；请用最新日报中的操作",
                        $"the token expired at {token.Expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC; use the action of a later digest"), candidate, token);
            }
        }

        return (new LocalizedText("令牌不是 MailOps 为其保存的任何邮件签发的（被改动，或已换过签名密钥）", "the token was not signed by MailOps for any message it holds (altered, or the signing key was changed)"), null, token);
    }

    /// <summary>How long before a token was signed the message it names may have been received, at most, in the usual case.</summary>
    internal static readonly TimeSpan RecentSpan = TimeSpan.FromDays(31);

    // The held messages a token may name. A digest signs tokens for the messages received since the digest before it,
    // so they are looked for first among the outcomes received in the month before the token was signed, through the
    // received index; only a token none of those carries (altered, or signed after a long outage) is looked for among
    // every outcome stored.
    private IEnumerable<StoredOutcome> Candidates(MailStore store, ReadToken token)
    {
        var signed = token.Expires - _options.TokenLifetime;
        var recent = store.OutcomesReceivedFrom(signed - RecentSpan).Where(o => ActionSigner.Reference(o.Id) == token.Reference).ToList();
        if (recent.Count > 0)
        {
            return recent;
        }

        return store.AllOutcomes().Where(o => ActionSigner.Reference(o.Id) == token.Reference);
    }

    // A token is judged as of when the mailbox received the reviewer's mail (not the sender's Date), so a mailbox that was
    // down does not void what was sent in time; never later than now.
    private DateTimeOffset Sent(StoredMessage seen)
    {
        var now = _time.GetUtcNow();
        return seen.Received < now ? seen.Received : now;
    }

    private StoredOutcome Refuse(MailStore store, StoredMessage seen, ParseOutcome parsed, StoredMailAction record, ActionClaim claim, StoredOutcome? target, LocalizedText why)
    {
        LogRefused(_logger, MailActionKinds.Name(claim.Kind), target?.MessageId ?? "", record.By, why.En);
        record.Id = seen.MailboxId ?? seen.Id; // as it was before a refused write keyed it
        var detail = new LocalizedText($"未执行“{Word(claim.Kind).Zh}”：{why.Zh}", $"not applied ({Word(claim.Kind).En}): {why.En}");
        (record.Detail, record.DetailEn) = (detail.Zh, detail.En);
        store.RefuseMailAction(record, Reply(record.Id, record.By, parsed, detail, applied: false), record.By);
        return Outcome(seen, parsed, false, detail);
    }

    private QueuedMail Reply(string mailId, string to, ParseOutcome parsed, LocalizedText what, bool applied)
    {
        var about = parsed.Message?.Subject ?? "";
        var (zh, en) = applied ? ("已执行", "Done") : ("未执行", "Not applied");
        // The reason is the reviewer's own text: brackets made full-width, so that no subject of ours reads as an action's.
        var subject = $"【MailOps】{zh} / {en}：{what.Zh.Replace('[', '［').Replace(']', '］')}";
        var text = $"{what.Zh}\r\n\r\n{what.En}\r\n\r\n（回复：{about}）\r\n(In answer to: {about})\r\n";
        var html = $"<p>{Html(what.Zh)}</p><p lang=\"en\">{Html(what.En)}</p><p style=\"color:#5f6368;font-size:12px;\">回复 / In answer to: {Html(about)}</p>";
        var identity = new MailIdentity("action", $"action/{StoreKeys.Of(mailId)}");
        return new QueuedMail(identity.Key, identity.Kind, MailComposer.Compose(_sender, to, new RenderedMail(Shorten(subject), html, text), identity, _time.GetUtcNow()));
    }

    private static StoredOutcome Outcome(StoredMessage seen, ParseOutcome parsed, bool applied, LocalizedText detail) => new()
    {
        Id = seen.Id,
        MessageId = parsed.MessageId,
        Matched = false,
        Reason = NonMatchReason.MailAction,
        ReasonDetail = (applied ? "邮件操作已执行：" : "邮件操作：") + detail.Zh,
        ReasonDetailEn = (applied ? "mail action applied: " : "mail action: ") + detail.En,
        Submitter = parsed.Message?.From?.Address,
        Received = seen.Received,
    };

    private static LocalizedText Done(MailActionKind kind, StoredOutcome target, string? obligationKey, string reason) => kind switch
    {
        MailActionKind.Place => new($"已将 {target.MessageId} 计为 {obligationKey} 的报送（原因：{reason}）", $"counted {target.MessageId} as {obligationKey}'s report (reason: {reason})"),
        MailActionKind.Accept => new($"已接受 {target.MessageId}，计为 {target.Report}/{target.Unit}/{target.Period} 的报送（原因：{reason}）", $"accepted {target.MessageId} as {target.Report}/{target.Unit}/{target.Period}'s report (reason: {reason})"),
        _ => new($"已搁置 {target.MessageId}（原因：{reason}）", $"dismissed {target.MessageId} (reason: {reason})"),
    };

    /// <summary>The reason recorded when the reviewer wrote none.</summary>
    public static LocalizedText DefaultReason(MailActionKind kind) => new($"经邮件操作{Word(kind).Zh}", $"{Word(kind).En} by mail action");

    /// <summary>The action as people read it.</summary>
    public static LocalizedText Word(MailActionKind kind) => kind switch
    {
        MailActionKind.Place => new("计为报送", "count as the report"),
        MailActionKind.Accept => new("接受", "accept"),
        _ => new("搁置", "dismiss"),
    };

    private static string Shorten(string subject) => subject.Length <= 120 ? subject : subject[..119] + "…";

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    [LoggerMessage(81, LogLevel.Information, "Mail action {Action} applied to {Target} for {Reviewer}")]
    private static partial void LogApplied(ILogger logger, string action, string target, string reviewer);

    [LoggerMessage(82, LogLevel.Warning, "Mail action {Action} on {Target} from {Sender} refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string action, string target, string sender, string why);

    [LoggerMessage(83, LogLevel.Warning, "Mail action {Action} from {Sender} ignored, unanswered: {Why}")]
    private static partial void LogIgnored(ILogger logger, string action, string sender, string why);
}
