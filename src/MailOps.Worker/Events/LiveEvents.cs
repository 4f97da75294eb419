using System.Security.Cryptography;
using System.Text;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;

namespace MailOps.Worker.Events;

/// <summary>What judges, parses and words mail against one set of events: rebuilt when the events change.</summary>
internal sealed record RegimeBound(Compliance.Regime Regime, MessageParser Parser, Assessor Assessor, Notifier Notifier, InvitationEvents? Invitations);

/// <summary>Builds the parts of a beat that depend on the regime, for a regime with the events of the moment.</summary>
internal sealed record RegimeParts(Func<Compliance.Regime, MessageParser> Parser, Func<Compliance.Regime, Assessor> Assessor, Func<Compliance.Regime, Notifier> Notifier);

/// <summary>
/// The events every beat works with: those the store holds, from every source, and not cancelled. The store is the
/// one truth; the events file is imported into it whenever its content changes (an event taken out of the file is
/// cancelled), and invitations, the calendar and people write to it directly. A change is seen at the next beat
/// without a restart: the regime, the parser, the assessor and the notifier are rebuilt for the new events.
/// </summary>
internal sealed class LiveEvents(Compliance.Regime loaded, EventRules? rules, string? eventsFile, RegimeParts parts)
{
    private const string FileCursorPrefix = "events-file:";
    private const string FileAuthor = "events file";

    private readonly Lock _gate = new();
    private IReadOnlyList<ProjectEvent>? _events;
    private RegimeBound? _bound;
    private (MailStore Store, long Version)? _read;

    /// <summary>The regime of the last <see cref="Bind"/>, or the loaded one before the first.</summary>
    public Compliance.Regime Current
    {
        get
        {
            lock (_gate)
            {
                return _bound?.Regime ?? loaded;
            }
        }
    }

    /// <summary>The last problem reading the events file (it stays as it was imported before), or null.</summary>
    public string? FileProblem { get; private set; }

    /// <summary>The events the store holds as the regime's <see cref="ProjectEvent"/>s: active ones, in start order.</summary>
    public static IReadOnlyList<ProjectEvent> Active(IEnumerable<StoredEvent> events) =>
        [.. events.Where(e => !e.IsCancelled).Select(ToProjectEvent)];

    public static ProjectEvent ToProjectEvent(StoredEvent e) => new(e.Id, e.Unit, e.Project, e.Kind, e.Start, e.End, e.Note, e.LearntAt);

    /// <summary>The regime with the store's events in place of the file's: what a command beside the store judges with.</summary>
    public static Compliance.Regime RegimeOf(Compliance.Regime loaded, MailStore store) => loaded.WithEvents(Merged(loaded, store.Events()));

    /// <summary>
    /// The store's active events, and those of the file as loaded that the store has not imported yet (a store the
    /// worker has not beaten on since the file changed, read by a command): never one the store holds as cancelled.
    /// </summary>
    public static IReadOnlyList<ProjectEvent> Merged(Compliance.Regime loaded, IReadOnlyList<StoredEvent> stored)
    {
        var known = stored.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Active(stored), .. loaded.Events.Where(e => !known.Contains(e.Id))];
    }

    /// <summary>Imports the events file when its content differs from what was imported last; returns the events it changed.</summary>
    public int ImportFile(MailStore store)
    {
        if (eventsFile is null)
        {
            return 0;
        }

        string text;
        try
        {
            text = File.ReadAllText(eventsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FileProblem = $"{eventsFile}: cannot be read ({ex.Message}); the events imported from it before stay";
            return 0;
        }

        var key = FileCursorPrefix + eventsFile;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (store.Cursor(key) == hash)
        {
            FileProblem = null;
            return 0;
        }

        var read = EventsLoader.Load(new SourceText(eventsFile, text), loaded.Directory, loaded.Zone);
        if (!read.Succeeded || read.Value is not { } events)
        {
            FileProblem = $"{eventsFile}: {string.Join("; ", read.Errors.Select(e => e.ToString()))}; the events imported from it before stay";
            return 0;
        }

        FileProblem = null;
        var ids = events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var declarations = events.Select(e => new EventDeclaration(e, EventSource.File, eventsFile, FileAuthor)).ToList();
        var cancellations = store.Events()
            // Whatever path it was imported from: the administrator may have moved the file.
            .Where(e => e.Source == EventSource.File && !e.IsCancelled && !ids.Contains(e.Id))
            .Select(e => new EventCancellation(e.Id, EventSource.File, eventsFile, FileAuthor, "已从事件文件中删除 / taken out of the events file"))
            .ToList();
        var changed = store.ApplyEvents(declarations, cancellations).Count(c => c != EventChangeKind.Unchanged);
        store.SaveCursor(key, hash);
        return changed;
    }

    /// <summary>
    /// For a command that reads mail into the store as the worker does (ingest, backfill): imports the events file, and
    /// gives the parser and invitation reader bound to the store's events, and what rebinds them once an invitation
    /// changed the events.
    /// </summary>
    public (MessageParser Parser, InvitationEvents? Invitations, Func<(MessageParser Parser, InvitationEvents? Invitations)> Rebind) ReadingFor(MailStore store)
    {
        ImportFile(store);
        var bound = Bind(store);
        return (bound.Parser, bound.Invitations, () => ReadingParts(store));
    }

    /// <summary>What reads mail, bound to the store's events as they now are: the ingest's rebind once an invitation changed them.</summary>
    public (MessageParser Parser, InvitationEvents? Invitations) ReadingParts(MailStore store)
    {
        var bound = Bind(store);
        return (bound.Parser, bound.Invitations);
    }

    /// <summary>The parts bound to the store's events as they now are; the same parts while the events do not change.</summary>
    public RegimeBound Bind(MailStore store)
    {
        lock (_gate)
        {
            // The store says when its events changed: until then, the parts bound last stand without reading them.
            if (_bound is not null && _read is { } read && ReferenceEquals(read.Store, store) && read.Version == store.EventsVersion)
            {
                return _bound;
            }
        }

        var version = store.EventsVersion;
        var events = Active(store.Events());
        lock (_gate)
        {
            _read = (store, version);
            // The worker's beat and the console's requests bind from their own threads.
            if (_bound is not null && _events is not null && events.SequenceEqual(_events))
            {
                return _bound;
            }

            var regime = loaded.WithEvents(events);
            _events = events;
            _bound = new RegimeBound(regime, parts.Parser(regime), parts.Assessor(regime), parts.Notifier(regime), rules is null ? null : new InvitationEvents(regime, rules));
            return _bound;
        }
    }
}
