using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;

namespace MailOps.Worker.Assessment;

/// <summary>
/// Everything judged at one instant from what the store holds: every assessed obligation's result, the
/// manual entries in force (revoked ones are listed in the results, at 0 points, and counted nowhere), and the
/// messages that need a person (triage and unauthenticated senders).
/// </summary>
internal sealed record Snapshot(
    DateTimeOffset AsOf,
    IReadOnlyList<ObligationResult> Results,
    IReadOnlyList<ManualEntry> Entries,
    IReadOnlyList<TriageLine> Triage,
    IReadOnlyList<TriageLine> Unauthenticated)
{
    /// <summary>The stored outcomes of the messages in <see cref="Triage"/> and <see cref="Unauthenticated"/>, by Message-ID.</summary>
    public ILookup<string, Store.StoredOutcome> Held { get; init; } = Array.Empty<Store.StoredOutcome>().ToLookup(o => o.MessageId, StringComparer.Ordinal);

    /// <summary>Nothing judged: a beat that stopped before judging (the store failed, or the mailbox was never read).</summary>
    public static Snapshot Empty(DateTimeOffset asOf) => new(asOf, [], [], [], []);
}
