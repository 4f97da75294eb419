using MailOps.Compliance.Calendar;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance;

/// <summary>Everything that says what is owed: the catalog, the organisation, the calendar, the events and the wall clock.</summary>
public sealed class Regime
{
    public Regime(ReportCatalog catalog, OrganisationDirectory directory, WorkingCalendar calendar, IReadOnlyList<ProjectEvent> events, RegimeZone zone)
    {
        Catalog = catalog;
        Directory = directory;
        Calendar = calendar;
        Events = events;
        Zone = zone;
    }

    public ReportCatalog Catalog { get; }

    public OrganisationDirectory Directory { get; }

    public WorkingCalendar Calendar { get; }

    public IReadOnlyList<ProjectEvent> Events { get; }

    public RegimeZone Zone { get; }

    /// <summary>The same regime with other events: those MailOps has learnt (the store's), in place of the file's.</summary>
    public Regime WithEvents(IReadOnlyList<ProjectEvent> events) => new(Catalog, Directory, Calendar, events, Zone);

    /// <summary>
    /// Whether the regime assigns the report to the unit: it is for the unit's kind, and enabled or the unit
    /// opts in, and the unit does not opt out. Watched or not: an SMS report is still the unit's.
    /// </summary>
    public static bool Assigns(Unit unit, ReportDefinition report) =>
        report.Owner == unit.Kind
        && (report.Enabled || unit.Include.Contains(report.Id))
        && !unit.Exclude.Contains(report.Id);

    /// <summary>Whether the unit owes the report as MailOps watches it: assigned, and watched (only email by default).</summary>
    public static bool Owes(Unit unit, ReportDefinition report) => report.Monitored && Assigns(unit, report);
}
