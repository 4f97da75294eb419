using MailOps.Compliance.Common;
using MailOps.Compliance.Digests;
using MailOps.Parsing;
using MailOps.Worker.Store;

namespace MailOps.Worker.Web;

/// <summary>
/// Every message held for a person now (the digest's triage and unauthenticated lists, less those dismissed): what
/// was recognised of it (report, unit, period, whichever parsing found) and why it is held.
/// </summary>
internal sealed record HeldMessage(StoredOutcome Outcome, TriageLine Line, bool Unauthenticated)
{
    public LocalizedText Why => Line.Detail is { Zh.Length: > 0 } detail ? detail : new LocalizedText(Line.Reason, Line.Reason);

    public static IReadOnlyList<HeldMessage> Now(ConsoleContext context)
    {
        var snapshot = context.Judge();
        var outcomes = snapshot.Held;
        return
        [
            .. snapshot.Triage.Select(t => (Line: t, Unauthenticated: false))
                .Concat(snapshot.Unauthenticated.Select(t => (Line: t, Unauthenticated: true)))
                .SelectMany(t => outcomes[t.Line.MessageId].Select(o => new HeldMessage(o, t.Line, t.Unauthenticated)))
                .OrderBy(h => h.Line.Received),
        ];
    }

    /// <summary>Whether the reason it is held for is an unauthenticated sender (the one a person accepts).</summary>
    public bool Acceptable => Unauthenticated && Outcome is { Reason: NonMatchReason.UnauthenticatedSender, Report: not null };
}
