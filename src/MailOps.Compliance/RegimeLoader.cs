using MailOps.Compliance.Calendar;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance;

/// <summary>The texts a <see cref="Regime"/> is built from; the caller reads the files, so this stays free of I/O.</summary>
public sealed record RegimeSources(SourceText Catalog, SourceText Directory, IReadOnlyList<SourceText> Calendar, SourceText? Events);

/// <summary>Loads every part of the regime, then checks that the parts agree with one another.</summary>
public static class RegimeLoader
{
    public static LoadResult<Regime> Load(RegimeSources sources, RegimeZone zone)
    {
        var catalog = CatalogLoader.Load(sources.Catalog);
        var directory = DirectoryLoader.Load(sources.Directory);
        var calendar = CalendarLoader.Load(sources.Calendar);
        var errors = new List<ConfigurationError>();
        errors.AddRange(catalog.Errors);
        errors.AddRange(directory.Errors);
        errors.AddRange(calendar.Errors);
        if (sources.Calendar.Count == 0)
        {
            errors.Add(new ConfigurationError("calendar", "", "no calendar file was given; at least the current year's official arrangement is needed"));
        }

        IReadOnlyList<ProjectEvent> events = [];
        if (directory.Value is not null && sources.Events is not null)
        {
            var loaded = EventsLoader.Load(sources.Events, directory.Value, zone);
            errors.AddRange(loaded.Errors);
            events = loaded.Value ?? [];
        }

        if (catalog.Value is null || directory.Value is null || calendar.Value is null || errors.Count > 0)
        {
            return LoadResult<Regime>.Failure(errors);
        }

        errors.AddRange(CrossCheck(catalog.Value, directory.Value, calendar.Value, sources.Catalog.Name, sources.Directory.Name));
        return LoadResult<Regime>.From(new Regime(catalog.Value, directory.Value, calendar.Value, events, zone), errors);
    }

    /// <summary>
    /// Every report a unit owes can be sent by someone and checked: its submitter role and every To and CC role
    /// resolve to at least one address for that unit, and opt-ins and opt-outs name real reports.
    /// </summary>
    private static IEnumerable<ConfigurationError> CrossCheck(ReportCatalog catalog, OrganisationDirectory directory, WorkingCalendar calendar, string catalogSource, string directorySource)
    {
        var holidayKeys = calendar.Holidays.Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var report in catalog.Reports)
        {
            if (report.Deadline is Deadlines.AfterLongHolidayRule rule)
            {
                foreach (var key in rule.Policy.HolidayKeys.Where(k => !holidayKeys.Contains(k)))
                {
                    yield return new ConfigurationError(catalogSource, $"reports ({report.Id}).deadline.holidays", $"no holiday \"{key}\" in the calendar (known: {string.Join(", ", holidayKeys)})");
                }
            }
        }

        foreach (var unit in directory.Units)
        {
            foreach (var id in unit.Include.Concat(unit.Exclude).Where(id => catalog.Find(id) is null))
            {
                yield return new ConfigurationError(directorySource, $"units ({unit.Id})", $"include/exclude names \"{id}\", which is not in the catalog");
            }

            foreach (var report in catalog.Reports.Where(r => Regime.Owes(unit, r)))
            {
                if (!unit.Submitters.ContainsKey(report.SubmitterRole))
                {
                    yield return new ConfigurationError(directorySource, $"units ({unit.Id}).submitters", $"no address for {report.SubmitterRole}, who sends {report.Id}");
                }

                foreach (var role in report.To.Concat(report.Cc).Distinct().Where(role => directory.Resolve(unit, role).Count == 0))
                {
                    yield return new ConfigurationError(directorySource, $"units ({unit.Id})", $"role {role}, a recipient of {report.Id}, resolves to no address (set it on the group, the unit's company, or the unit)");
                }
            }
        }
    }
}
