namespace MailOps.Worker.Store;

/// <summary>
/// What this store instance has written that judging reads (and how many messages it holds), so that a judge can ask what changed since it last read
/// instead of reading everything again: the outcomes written (by id), and whether the manual entries or the
/// dismissals changed. The store is held by one process (<see cref="MailStore.Open"/> takes the file exclusively), so
/// every write goes through this instance and the journal misses none. A change is journalled after its transaction
/// committed, under the store's lock: whoever reads the journal's version reads the data it stands for.
/// </summary>
internal sealed partial class MailStore
{
    /// <summary>How many outcome changes the journal keeps; a judge further behind reads everything again.</summary>
    internal const int JournalCapacity = 50_000;

    private readonly Queue<(long Version, string Outcome)> _outcomeJournal = new();
    private long _changeVersion;
    private long _journalFloor;
    private long _entriesChangedAt;
    private long _dismissalsChangedAt;
    private int? _messageCount;

    /// <summary>
    /// What changed since <paramref name="version"/> (a <see cref="StoreChanges.Version"/> read earlier; 0 before any):
    /// null when the journal no longer reaches that far back, and the reader must read everything again.
    /// </summary>
    public StoreChanges? ChangesSince(long version)
    {
        lock (_gate)
        {
            if (version < _journalFloor || version > _changeVersion)
            {
                return null;
            }

            var outcomes = _outcomeJournal.Where(c => c.Version > version).Select(c => c.Outcome).ToHashSet(StringComparer.Ordinal);
            return new StoreChanges(_changeVersion, outcomes, _entriesChangedAt > version, _dismissalsChangedAt > version);
        }
    }

    /// <summary>Where the journal stands now: what a reader that has just read everything records as its version.</summary>
    public long ChangeVersion
    {
        get
        {
            lock (_gate)
            {
                return _changeVersion;
            }
        }
    }

    // Called inside Use (the store's lock held), after the write's transaction committed.
    private void OutcomeWritten(string id)
    {
        _outcomeJournal.Enqueue((++_changeVersion, id));
        while (_outcomeJournal.Count > JournalCapacity)
        {
            _journalFloor = _outcomeJournal.Dequeue().Version;
        }
    }

    // After a fault the file may hold less than a commit that returned said (the log is written behind it), or more
    // than one that threw: nothing journalled before can be trusted, and every reader reads everything again.
    private void ForgetJournal()
    {
        _outcomeJournal.Clear();
        _journalFloor = ++_changeVersion;
        _messageCount = null;
    }

    private void EntriesWritten() => _entriesChangedAt = ++_changeVersion;

    private void DismissalsWritten() => _dismissalsChangedAt = ++_changeVersion;
}

/// <summary>What a store wrote since a reader's last version: the outcomes by id, and whether entries or dismissals changed.</summary>
internal sealed record StoreChanges(long Version, IReadOnlySet<string> Outcomes, bool Entries, bool Dismissals)
{
    public bool Any => Outcomes.Count > 0 || Entries || Dismissals;
}
