using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Events;

/// <summary>Reads the project events file against the directory: every event names a known unit and kind, in order.</summary>
public static class EventsLoader
{
    public static LoadResult<IReadOnlyList<ProjectEvent>> Load(SourceText file, OrganisationDirectory directory, RegimeZone zone)
    {
        var errors = new List<ConfigurationError>();
        var document = JsonDocuments.Read(file.Name, file.Text, ConfigurationJson.Default.EventsDocument, errors);
        if (document is null)
        {
            return LoadResult<IReadOnlyList<ProjectEvent>>.Failure(errors);
        }

        var events = new List<ProjectEvent>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = document.Events ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var at = $"events[{i}]" + (e.Id is null ? "" : $" ({e.Id})");
            var count = errors.Count;
            void Fail(string field, string message) => errors.Add(new ConfigurationError(file.Name, $"{at}.{field}", message));

            if (e.Id is null || !CatalogLoader.IdPattern().IsMatch(e.Id))
            {
                Fail("id", $"\"{e.Id}\" is not an id (lower-case words joined by dashes)");
            }
            else if (!ids.Add(e.Id))
            {
                Fail("id", $"the id \"{e.Id}\" is used by an earlier event");
            }

            if (e.Unit is null || directory.FindUnit(e.Unit) is null)
            {
                Fail("unit", $"no unit \"{e.Unit}\" in the directory");
            }

            if (e.Kind is null || !EventKinds.All.Contains(e.Kind))
            {
                Fail("kind", $"\"{e.Kind}\" is not one of {string.Join(", ", EventKinds.All)}");
            }

            var start = ReadInstant("start", e.Start, isEnd: false, zone, Fail) ?? default;
            var end = e.End is null ? EndOfStart(e.Start, start, zone) : ReadInstant("end", e.End, isEnd: true, zone, Fail) ?? default;
            if (errors.Count == count && end < start)
            {
                Fail("end", $"{e.End} is before the start {e.Start}");
            }

            if (errors.Count == count)
            {
                events.Add(new ProjectEvent(e.Id!, e.Unit!, e.Project ?? "", e.Kind!, start, end, e.Note));
            }
        }

        return LoadResult<IReadOnlyList<ProjectEvent>>.From(events, errors);
    }

    // A bare end date means the end of that day; an omitted end is the start's own day end (or instant, when a time is given).
    private static DateTimeOffset? ReadInstant(string field, string? text, bool isEnd, RegimeZone zone, Action<string, string> fail)
    {
        if (!TextValues.TryLocalDateTime(text, out var date, out var time))
        {
            fail(field, $"\"{text}\" is not a local date or date-time such as 2026-11-20 or 2026-11-20T14:00");
            return null;
        }

        return zone.At(date, time ?? (isEnd ? RegimeZone.EndOfDay : TimeOnly.MinValue));
    }

    private static DateTimeOffset EndOfStart(string? text, DateTimeOffset start, RegimeZone zone) =>
        TextValues.TryLocalDateTime(text, out var date, out var time) && time is null ? zone.EndOf(date) : start;
}
