using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Store;

namespace MailOps.Worker.Assessment;

/// <summary>
/// What an assessor read from one store for the due dates from <c>from</c> on, and what it judged at its last instant:
/// the submissions by obligation key, the manual entries, the messages held for a person, and each obligation's
/// result with the instant from which the clock alone could change it. <see cref="Advance"/> brings it to a later
/// instant from what the store wrote since; it never reads what it already holds.
/// </summary>
internal sealed class JudgedWindow
{
    private readonly Assessor _assessor;
    private readonly MailStore _store;
    private readonly DateOnly _from;
    private readonly DateTimeOffset _earliest;

    // Submissions by obligation key, each list in the order received (then by stored id), and the key each stored
    // outcome counts under, to take it out again when the outcome changes.
    private readonly Dictionary<string, List<(string Id, Submission Submission)>> _submissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyOf = new(StringComparer.Ordinal);

    // The outcomes held for a person (triage, unauthenticated senders), with their message, by stored id.
    private readonly Dictionary<string, (StoredOutcome Outcome, StoredMessage? Message)> _held = new(StringComparer.Ordinal);
    private HashSet<string> _dismissed = new(StringComparer.Ordinal);

    private List<ManualEntry> _entries = [];
    private ILookup<string, ManualEntry> _entriesByKey = Array.Empty<ManualEntry>().ToLookup(e => "");

    private DateOnly _to;
    private DateTimeOffset _asOf;
    private IReadOnlyList<Obligation> _obligations = [];
    private ObligationResult[] _results = [];
    private DateTimeOffset[] _nextChange = [];

    private JudgedWindow(Assessor assessor, MailStore store, DateOnly from)
    {
        _assessor = assessor;
        _store = store;
        _from = from;
        _earliest = assessor.Earliest(from);
    }

    /// <summary>The store's journal version this window has read up to.</summary>
    public long Version { get; private set; }

    /// <summary>Reads everything that bears on the due dates from <paramref name="from"/> to <paramref name="to"/> and judges it at <paramref name="asOf"/>.</summary>
    public static JudgedWindow Read(Assessor assessor, MailStore store, DateOnly from, DateOnly to, DateTimeOffset asOf)
    {
        var window = new JudgedWindow(assessor, store, from)
        {
            // The version before the data: a write between the two is read now and again at the next judgement, never missed.
            Version = store.ChangeVersion,
        };
        var outcomes = store.OutcomesReceivedFrom(window._earliest);
        window.Take(outcomes, new HashSet<string>(StringComparer.Ordinal));
        window.ReadEntries();
        window.ReadDismissals();
        window.Regenerate(to, asOf);
        return window;
    }

    /// <summary>
    /// Whether this window can be brought to another instant: the same store and the same first due date. What it
    /// read does not depend on the instant; an instant earlier than the last (a beat that read its clock before a
    /// console request judged) is judged again from what it holds.
    /// </summary>
    public bool Follows(MailStore store, DateOnly from) =>
        ReferenceEquals(store, _store) && from == _from;

    /// <summary>Takes in what the store wrote since <see cref="Version"/>, and judges again what can have changed by <paramref name="asOf"/>.</summary>
    public void Advance(StoreChanges changes, DateOnly to, DateTimeOffset asOf)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        if (changes.Outcomes.Count > 0)
        {
            foreach (var id in changes.Outcomes)
            {
                Forget(id, touched);
            }

            Take(_store.OutcomesById(changes.Outcomes).Where(InWindow).ToList(), touched);
        }

        if (changes.Entries)
        {
            touched.UnionWith(_entries.Select(e => e.ObligationKey).OfType<string>());
            ReadEntries();
            touched.UnionWith(_entries.Select(e => e.ObligationKey).OfType<string>());
        }

        if (changes.Dismissals)
        {
            ReadDismissals();
        }

        Version = changes.Version;
        if (to != _to)
        {
            Regenerate(to, asOf);
            return;
        }

        // NextChange looks forward only: an earlier instant judges every obligation again.
        var back = asOf < _asOf;
        for (var i = 0; i < _obligations.Count; i++)
        {
            if (back || asOf >= _nextChange[i] || touched.Contains(_obligations[i].Key))
            {
                Evaluate(i, asOf);
            }
        }

        _asOf = asOf;
    }

    /// <summary>The judgement at <paramref name="asOf"/> (the instant last judged), as a snapshot of its own.</summary>
    public Snapshot Snapshot(DateTimeOffset asOf)
    {
        // Revoked judgements go to the evaluator, which lists them with their obligation at 0 points, but not into the
        // snapshot's entries, which scores count (additional penalties among them).
        var inForce = _entries.Where(e => !e.IsRevokedAt(asOf)).ToList();

        // A message a person dismissed (in the console) is no longer anyone's to look at.
        var visible = _held.Values
            .Where(h => (h.Outcome.Received ?? DateTimeOffset.MinValue) <= asOf && !_dismissed.Contains(h.Outcome.Id))
            .OrderBy(h => h.Outcome.Id, StringComparer.Ordinal)
            .ToList();
        var triage = visible.Where(h => StoredOutcomes.Disposition(h.Outcome) == NonMatchDisposition.Triage).Select(h => Assessor.Line(h.Outcome, h.Message, asOf)).OrderBy(t => t.Received).ToList();
        var unauthenticated = visible.Where(h => StoredOutcomes.Disposition(h.Outcome) == NonMatchDisposition.Acceptance && h.Outcome.AcceptedBy is null).Select(h => Assessor.Line(h.Outcome, h.Message, asOf)).OrderBy(t => t.Received).ToList();
        return new Snapshot(asOf, [.. _results], inForce, triage, unauthenticated)
        {
            Held = visible.Select(h => h.Outcome).Where(o => o.AcceptedBy is null).ToLookup(o => o.MessageId, StringComparer.Ordinal),
        };
    }

    private bool InWindow(StoredOutcome o) => o.Received is not { } received || received >= _earliest;

    private void Take(IReadOnlyList<StoredOutcome> outcomes, HashSet<string> touched)
    {
        var held = new List<StoredOutcome>();
        foreach (var outcome in outcomes)
        {
            if (StoredOutcomes.ToSubmission(outcome) is { } submission)
            {
                var key = submission.ObligationKey;
                if (!_submissions.TryGetValue(key, out var list))
                {
                    _submissions[key] = list = [];
                }

                list.Add((outcome.Id, submission));
                if (list.Count > 1)
                {
                    list.Sort(static (a, b) => a.Submission.Received != b.Submission.Received ? a.Submission.Received.CompareTo(b.Submission.Received) : string.CompareOrdinal(a.Id, b.Id));
                }

                _keyOf[outcome.Id] = key;
                touched.Add(key);
            }
            else if (!outcome.Matched && StoredOutcomes.Disposition(outcome) is NonMatchDisposition.Triage or NonMatchDisposition.Acceptance)
            {
                held.Add(outcome);
            }
        }

        if (held.Count > 0)
        {
            var messages = _store.MessagesById(held.Select(o => o.Id));
            foreach (var outcome in held)
            {
                _held[outcome.Id] = (outcome, messages.GetValueOrDefault(outcome.Id));
            }
        }
    }

    private void Forget(string id, HashSet<string> touched)
    {
        _held.Remove(id);
        if (_keyOf.Remove(id, out var key))
        {
            _submissions[key].RemoveAll(s => s.Id == id);
            touched.Add(key);
        }
    }

    private void ReadEntries()
    {
        _entries = [.. _store.AllManualEntries().Select(Assessor.ToEntry).OfType<ManualEntry>()];
        _entriesByKey = _entries.Where(e => e.ObligationKey is not null).ToLookup(e => e.ObligationKey!, StringComparer.Ordinal);
    }

    private void ReadDismissals() => _dismissed = _store.Dismissals().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    private void Regenerate(DateOnly to, DateTimeOffset asOf)
    {
        _to = to;
        _asOf = asOf;
        _obligations = _assessor.Obligations(_from, to);
        _results = new ObligationResult[_obligations.Count];
        _nextChange = new DateTimeOffset[_obligations.Count];
        for (var i = 0; i < _obligations.Count; i++)
        {
            Evaluate(i, asOf);
        }
    }

    private void Evaluate(int i, DateTimeOffset asOf)
    {
        var obligation = _obligations[i];
        IReadOnlyList<Submission> submissions = _submissions.TryGetValue(obligation.Key, out var list) ? [.. list.Select(s => s.Submission)] : [];
        var entries = _entriesByKey[obligation.Key];
        var result = _assessor.Evaluate(obligation, submissions, entries, asOf);
        _results[i] = result;
        _nextChange[i] = ObligationEvaluator.NextChange(result, submissions, entries, asOf);
    }
}
