using MailOps.Compliance.Digests;
using MailOps.Parsing;
using MailOps.Worker.Cli;
using MailOps.Worker.Store;

namespace MailOps.Worker.Actions;

/// <summary>An action a digest row offers by mail: its words and its <c>mailto:</c> link.</summary>
internal sealed record ActionLink(MailActionKind Kind, string LabelZh, string LabelEn, string Href);

/// <summary>
/// The mail actions of the digest's held messages, for one digest: signed for the held message the store keeps (found by
/// the Message-ID the row shows), each good for <see cref="MailActionOptions.TokenLifetime"/>. A report held for an
/// unauthenticated sender offers accept and dismiss; any other held message dismiss, and count-as-report when parsing
/// recognised a report instance the regime owes (what it guessed, never more). Only a reviewer's digest carries them, and
/// none at all without a signing key: a link that MailOps would refuse is never mailed.
/// </summary>
internal sealed class MailActionLinks
{
    private readonly MailActionOptions _options;
    private readonly ActionSigner _signer;
    private readonly string _mailbox;

    public MailActionLinks(MailActionOptions options, string mailbox)
    {
        _options = options;
        _signer = new ActionSigner(options.KeyBytes);
        _mailbox = mailbox;
    }

    /// <summary>The links of a reviewer's digest, or null for anyone else (and when actions by mail are off).</summary>
    public static Func<TriageLine, IReadOnlyList<ActionLink>>? For(MailActionLinks? links, string recipient, HeldMessages held, Compliance.Regime regime, DateTimeOffset now) =>
        links is null || !links._options.IsReviewer(recipient) ? null : line => links.Of(line, held, regime, now);

    private List<ActionLink> Of(TriageLine line, HeldMessages held, Compliance.Regime regime, DateTimeOffset now)
    {
        if (held.Of(line.MessageId) is not { } outcome)
        {
            return [];
        }

        var expires = now + _options.TokenLifetime;
        var links = new List<ActionLink>();
        if (outcome.Reason == NonMatchReason.UnauthenticatedSender && outcome.Report is not null)
        {
            links.Add(Link(MailActionKind.Accept, outcome.Id, null, expires, $"接受为 {outcome.Report}/{outcome.Unit}/{outcome.Period} 的报送", $"Accept as {outcome.Report}/{outcome.Unit}/{outcome.Period}'s report"));
        }
        else if (outcome is { Report: { } report, Unit: { } unit, Period: { } period }
            && new ObligationLookup(regime).Find($"{report}/{unit}/{period}", now).Obligation is { } owed)
        {
            links.Add(Link(MailActionKind.Place, outcome.Id, owed.Key, expires, $"计为 {owed.Key} 的报送", $"Count as {owed.Key}'s report"));
        }

        links.Add(Link(MailActionKind.Dismiss, outcome.Id, null, expires, "搁置", "Dismiss"));
        return links;
    }

    private ActionLink Link(MailActionKind kind, string messageId, string? obligationKey, DateTimeOffset expires, string zh, string en) =>
        new(kind, zh, en, ActionMail.Mailto(_mailbox, kind, _signer.Sign(new ActionGrant(kind, messageId, obligationKey, expires))));
}

/// <summary>
/// The stored outcomes of messages held for a person, by the Message-ID a digest row shows (without angle brackets); a
/// Message-ID two held messages share names neither, so no row acts on the wrong one.
/// </summary>
internal sealed class HeldMessages(IReadOnlyDictionary<string, StoredOutcome?> byMessageId)
{
    public static HeldMessages None { get; } = new(new Dictionary<string, StoredOutcome?>());

    /// <summary>The held messages received from <paramref name="since"/> on, read once for a digest.</summary>
    public static HeldMessages Read(MailStore store, DateTimeOffset since)
    {
        var dismissed = store.Dismissals().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var held = store.OutcomesReceivedFrom(since).Where(o => !o.Matched && o.AcceptedBy is null && !dismissed.Contains(o.Id));
        return new(held.GroupBy(o => Bare(o.MessageId), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single() : null, StringComparer.Ordinal));
    }

    public StoredOutcome? Of(string messageId) => byMessageId.GetValueOrDefault(Bare(messageId));

    private static string Bare(string messageId) => messageId.Trim().Trim('<', '>');
}
