using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;

namespace MailOps.Compliance.Deadlines;

/// <summary>What a deadline rule needs to place its occurrences: the working days, the wall clock, and the unit's events.</summary>
public sealed class ScheduleContext
{
    private readonly ILookup<(string Unit, string Kind), ProjectEvent> _events;
    private readonly Dictionary<string, ProjectEvent> _byId = new(StringComparer.Ordinal);

    public ScheduleContext(WorkingCalendar calendar, RegimeZone zone, IEnumerable<ProjectEvent> events)
    {
        Calendar = calendar;
        Zone = zone;
        _events = events.ToLookup(e => (e.UnitId, e.Kind));
        foreach (var e in _events.SelectMany(g => g))
        {
            _byId.TryAdd(e.Id, e);
        }
    }

    public WorkingCalendar Calendar { get; }

    public RegimeZone Zone { get; }

    public IEnumerable<ProjectEvent> EventsOf(string unitId, string kind) => _events[(unitId, kind)];

    /// <summary>The event of an id, or null.</summary>
    public ProjectEvent? EventOf(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>One occurrence of a rule before the non-working-day policy is applied.</summary>
public readonly record struct Occurrence(Period Period, DateTimeOffset NominalDue, DateTimeOffset Opens, string? EventId = null);
