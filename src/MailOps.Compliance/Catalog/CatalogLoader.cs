using System.Globalization;
using System.Text.RegularExpressions;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Catalog;

/// <summary>Builds the <see cref="ReportCatalog"/> from its file, checking every entry and naming each fault's place.</summary>
public static partial class CatalogLoader
{
    public static LoadResult<ReportCatalog> Load(SourceText file)
    {
        var errors = new List<ConfigurationError>();
        var document = JsonDocuments.Read(file.Name, file.Text, ConfigurationJson.Default.CatalogDocument, errors);
        if (document is null)
        {
            return LoadResult<ReportCatalog>.Failure(errors);
        }

        if (document.Reports is not { Count: > 0 } entries)
        {
            errors.Add(new ConfigurationError(file.Name, "reports", "the catalog lists no reports"));
            return LoadResult<ReportCatalog>.Failure(errors);
        }

        var reports = new List<ReportDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"reports[{i}]" + (entries[i].Id is { } id ? $" ({id})" : "");
            var report = new EntryReader(file.Name, at, errors).Read(entries[i]);
            if (report is not null && !seen.Add(report.Id))
            {
                errors.Add(new ConfigurationError(file.Name, at, $"the id \"{report.Id}\" is used by an earlier report"));
            }
            else if (report is not null)
            {
                reports.Add(report);
            }
        }

        return errors.Count == 0 ? LoadResult<ReportCatalog>.Success(new ReportCatalog(reports)) : LoadResult<ReportCatalog>.Failure(errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    internal static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{1,3}[1-9][0-9]{0,6}$")]
    private static partial Regex CellPattern();

    private sealed class EntryReader(string source, string at, List<ConfigurationError> errors)
    {
        private bool _failed;

        public ReportDefinition? Read(ReportDocument entry)
        {
            if (entry.Id is null || !IdPattern().IsMatch(entry.Id))
            {
                Fail("id", $"\"{entry.Id}\" is not a report id (lower-case words joined by dashes, such as \"callcenter-daily\")");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                Fail("name", "a Chinese name is required");
            }

            var category = Choose("category", entry.Category, Categories);
            var owner = Choose("owner", entry.Owner, UnitKinds.ByName);
            var channel = Choose("channel", entry.Channel, Channels);
            CheckRole("submitter", entry.Submitter);
            var deadline = ReadDeadline(entry.Deadline);
            var policy = entry.NonWorkingDay is null ? (NonWorkingDayPolicy?)null : Choose("nonWorkingDay", entry.NonWorkingDay, Policies);
            var to = ReadRoles("to", entry.To);
            var cc = ReadRoles("cc", entry.Cc);
            var keywords = ReadKeywords(entry);
            var excluded = ReadExcludeWords(entry, keywords);
            var content = ReadContent(entry.Content);

            if (to.Count == 0)
            {
                Fail("to", "at least one To role is required");
            }

            if (_failed || deadline is null)
            {
                return null;
            }

            return new ReportDefinition
            {
                Id = entry.Id!,
                Name = new LocalizedText(entry.Name!, entry.NameEn ?? entry.Id!),
                Category = category,
                Owner = owner,
                SubmitterRole = entry.Submitter!,
                Channel = channel,
                Monitored = entry.Monitored ?? channel == Channel.Email,
                Enabled = entry.Enabled ?? true,
                Deadline = deadline,
                NonWorkingDay = policy ?? deadline.DefaultNonWorkingDay,
                To = to,
                Cc = cc,
                Keywords = keywords,
                Patterns = entry.Patterns ?? [],
                ExcludeWords = excluded,
                Content = content,
                Note = entry.Note,
            };
        }

        private DeadlineRule? ReadDeadline(DeadlineDocument? d)
        {
            if (d is null)
            {
                Fail("deadline", "a deadline is required");
                return null;
            }

            var time = ReadTime(d.Time);
            return d.Kind switch
            {
                "daily" => new DailyRule(time),
                "weekly" => new WeeklyRule(Choose("deadline.weekday", d.Weekday ?? "monday", Weekdays), time),
                "monthly-last-day" => new MonthlyLastDayRule(time, d.DataCutoffDay is { } cutoff ? DayOfMonth("deadline.dataCutoffDay", cutoff) : null),
                "monthly-day" => new MonthlyDayRule(DayOfMonth("deadline.day", d.Day), Range("deadline.monthsAfter", d.MonthsAfter ?? 0, 0, 2), time),
                "quarterly" => new QuarterlyRule(DayOfMonth("deadline.day", d.Day), time),
                "event" => new EventRule(EventKind(d.Event), Choose("deadline.anchor", d.Anchor, Anchors), Offset(d.Offset), time),
                "event-window-daily" => new EventWindowDailyRule(EventKind(d.Event), time),
                "event-recurring-weekly" => new EventRecurringWeeklyRule(
                    EventKind(d.Event),
                    Range("deadline.firstDaysBefore", d.FirstDaysBefore, 1, 366),
                    Range("deadline.intervalDays", d.IntervalDays ?? 7, 1, 366)),
                "after-long-holiday" => new AfterLongHolidayRule(time, new LongHolidayPolicy(Range("deadline.minimumDays", d.MinimumDays ?? 3, 2, 30), d.Holidays ?? [])),
                _ => Unknown(d.Kind),
            };
        }

        private DeadlineRule? Unknown(string? kind)
        {
            Fail("deadline.kind", $"\"{kind}\" is not a deadline kind; use one of daily, weekly, monthly-last-day, monthly-day, quarterly, event, event-window-daily, event-recurring-weekly, after-long-holiday");
            return null;
        }

        private TimeOnly ReadTime(string? text)
        {
            if (text is null)
            {
                return RegimeZone.EndOfDay;
            }

            if (!TextValues.TryTime(text, out var time))
            {
                Fail("deadline.time", $"\"{text}\" is not a time of day of the form HH:mm");
            }

            return time;
        }

        private string EventKind(string? kind)
        {
            if (kind is null || !EventKinds.All.Contains(kind))
            {
                Fail("deadline.event", $"\"{kind}\" is not an event kind; use one of {string.Join(", ", EventKinds.All)}");
            }

            return kind ?? "";
        }

        private EventOffset Offset(string? text)
        {
            if (!EventOffset.TryParse(text, out var offset))
            {
                Fail("deadline.offset", $"\"{text}\" is not an offset such as 24h, -10d or 3wd");
            }

            return offset;
        }

        private int DayOfMonth(string field, int? day) => Range(field, day, 1, 31);

        private int Range(string field, int? value, int min, int max)
        {
            if (value is null || value < min || value > max)
            {
                Fail(field, $"{(value is null ? "a value" : value.Value.ToString(CultureInfo.InvariantCulture))} is required between {min} and {max}");
                return min;
            }

            return value.Value;
        }

        private List<string> ReadRoles(string field, List<string>? roles)
        {
            var list = roles ?? [];
            foreach (var role in list)
            {
                CheckRole(field, role);
            }

            return list;
        }

        private void CheckRole(string field, string? role)
        {
            if (role is null || !RoleKeys.IsWellFormed(role))
            {
                Fail(field, $"\"{role}\" is not a role key (group.*, realestate.*, city.*, property.* or callcenter.*, such as \"group.cs\")");
            }
        }

        private List<IReadOnlyList<string>> ReadKeywords(ReportDocument entry)
        {
            var groups = (entry.Keywords ?? []).Select(g => (IReadOnlyList<string>)g.Where(w => !string.IsNullOrWhiteSpace(w)).ToList()).ToList();
            if (groups.Any(g => g.Count == 0))
            {
                Fail("keywords", "a keyword group is empty");
            }

            foreach (var pattern in entry.Patterns ?? [])
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException ex)
                {
                    Fail("patterns", $"\"{pattern}\" is not a valid regular expression: {ex.Message}");
                }
            }

            if (groups.Count == 0 && (entry.Patterns?.Count ?? 0) == 0)
            {
                Fail("keywords", "at least one keyword group or pattern is required to recognise the report's subject");
            }

            return groups;
        }

        // A word that the report's own name or one of its keywords holds would exclude the genuine report.
        private List<string> ReadExcludeWords(ReportDocument entry, List<IReadOnlyList<string>> keywords)
        {
            var words = entry.ExcludeWords ?? [];
            foreach (var word in words)
            {
                if (string.IsNullOrWhiteSpace(word))
                {
                    Fail("excludeWords", $"\"{word}\" is empty: an excluded word needs at least one character");
                }
                else if (entry.Name is { } name && name.Contains(word, StringComparison.Ordinal))
                {
                    Fail("excludeWords", $"\"{word}\" is in the report's own name \"{name}\", so its genuine subject would be excluded");
                }
                else if (keywords.SelectMany(g => g).FirstOrDefault(k => k.Contains(word, StringComparison.Ordinal)) is { } keyword)
                {
                    Fail("excludeWords", $"\"{word}\" is part of the keyword \"{keyword}\", so every subject that keyword matches would be excluded");
                }
            }

            return words;
        }

        private ContentRequirements ReadContent(ContentDocument? content)
        {
            if (content is null)
            {
                return ContentRequirements.None;
            }

            var attachments = new List<AttachmentRequirement>();
            foreach (var a in content.Attachments ?? [])
            {
                var extensions = (a.Extensions ?? []).Select(e => e.ToLowerInvariant()).ToList();
                if (extensions.Any(e => e.Length < 2 || e[0] != '.'))
                {
                    Fail("content.attachments", $"extensions must start with a dot, such as \".xlsx\" (got {string.Join(", ", extensions)})");
                }

                var description = a.Description ?? "附件";
                attachments.Add(new AttachmentRequirement(new LocalizedText(description, a.DescriptionEn ?? "attachment"), extensions));
            }

            var cells = new List<WorkbookCellRequirement>();
            foreach (var c in content.Workbook ?? [])
            {
                if (string.IsNullOrWhiteSpace(c.Sheet) || c.Cell is null || !CellPattern().IsMatch(c.Cell))
                {
                    Fail("content.workbook", $"each cell needs a sheet and an A1 reference such as \"B3\" (got sheet \"{c.Sheet}\", cell \"{c.Cell}\")");
                    continue;
                }

                cells.Add(new WorkbookCellRequirement(c.Sheet, c.Cell, c.Label ?? c.Cell));
            }

            return new ContentRequirements(attachments, content.Fields ?? [], cells);
        }

        private T Choose<T>(string field, string? value, IReadOnlyDictionary<string, T> choices)
            where T : struct
        {
            if (value is not null && choices.TryGetValue(value, out var chosen))
            {
                return chosen;
            }

            Fail(field, $"\"{value}\" is not one of {string.Join(", ", choices.Keys)}");
            return default;
        }

        private void Fail(string field, string message)
        {
            _failed = true;
            errors.Add(new ConfigurationError(source, $"{at}.{field}", message));
        }
    }

    private static readonly Dictionary<string, ReportCategory> Categories = new()
    {
        ["routine"] = ReportCategory.Routine,
        ["special"] = ReportCategory.Special,
        ["assessment"] = ReportCategory.Assessment,
    };

    private static readonly Dictionary<string, Channel> Channels = new()
    {
        ["email"] = Channel.Email,
        ["sms"] = Channel.Sms,
        ["phone"] = Channel.Phone,
    };

    private static readonly Dictionary<string, NonWorkingDayPolicy> Policies = new()
    {
        ["stand"] = NonWorkingDayPolicy.Stand,
        ["next-working-day"] = NonWorkingDayPolicy.NextWorkingDay,
        ["previous-working-day"] = NonWorkingDayPolicy.PreviousWorkingDay,
    };

    private static readonly Dictionary<string, EventAnchor> Anchors = new()
    {
        ["start"] = EventAnchor.Start,
        ["end"] = EventAnchor.End,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays =
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d.ToString().ToLowerInvariant());
}
