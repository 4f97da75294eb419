using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;

namespace MailOps.Parsing.Invitations;

/// <summary>
/// Expands an invitation's items into occurrences with Ical.Net (RRULE, RDATE, EXDATE, and exceptions by RECURRENCE-ID)
/// and turns each into a <see cref="CalendarItem"/> with the regime zone's instants. Ical.Net is asked from a day before
/// the window, since it compares floating and all-day times in the server's zone, and the window is applied here.
/// </summary>
internal static class InvitationExpander
{
    private static readonly TimeSpan Slack = TimeSpan.FromDays(1);

    public static InvitationExpansion Expand(Calendar calendar, Invitation invitation, RegimeZone zone, InvitationOptions options, DateTimeOffset from, DateTimeOffset to)
    {
        if (TooDense(calendar, zone, options, to) is { } dense)
        {
            return new InvitationExpansion([], InvitationProblem.TooManyOccurrences, dense);
        }

        var masters = calendar.Events.Where(e => e.RecurrenceIdentifier is null)
            .GroupBy(e => e.Uid!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var occurrences = new List<InvitationOccurrence>();
        var taken = 0;
        try
        {
            var start = new CalDateTime((from - Slack).UtcDateTime, CalDateTime.UtcTzId);
            var evaluation = new EvaluationOptions { MaxUnmatchedIncrementsLimit = options.MaxRecurrenceSteps };
            foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start, evaluation))
            {
                if (++taken > options.MaxOccurrences)
                {
                    return new InvitationExpansion(occurrences, InvitationProblem.TooManyOccurrences, new(
                        $"展开超过 {options.MaxOccurrences} 次，已停止", $"expansion stopped after {options.MaxOccurrences} occurrences"));
                }

                var item = ItemOf(occurrence, masters, zone);
                if (item.Start >= to + Slack)
                {
                    break;
                }

                if (item.Start < to && (item.End > from || item.Start >= from))
                {
                    var source = (CalendarEvent)occurrence.Source;
                    var cancelled = invitation.Method == InvitationMethod.Cancel || string.Equals(source.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase);
                    occurrences.Add(new InvitationOccurrence(item, source.Sequence, cancelled));
                }
            }
        }
        catch (EvaluationException ex)
        {
            return new InvitationExpansion(occurrences, InvitationProblem.Unexpandable, new($"重复规则无法展开：{ex.GetType().Name}", $"the recurrence cannot be expanded: {ex.GetType().Name}"));
        }
#pragma warning disable CA1031 // Whatever a hostile rule provokes in the recurrence engine is data, not a failed beat.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new InvitationExpansion(occurrences, InvitationProblem.Unexpandable, new($"重复规则无法展开（{ex.GetType().Name}）：{ex.Message}", $"the recurrence cannot be expanded ({ex.GetType().Name}): {ex.Message}"));
        }

        return new InvitationExpansion([.. occurrences.OrderBy(o => o.Item.Start)]);
    }

    private static CalendarItem ItemOf(Occurrence occurrence, Dictionary<string, CalendarEvent> masters, RegimeZone zone)
    {
        var source = (CalendarEvent)occurrence.Source;
        var master = masters.GetValueOrDefault(source.Uid!) ?? source;
        var start = CalendarInstants.Of(occurrence.Period.StartTime, zone);
        var end = occurrence.Period.EffectiveEndTime is { } e ? CalendarInstants.Of(e, zone) : start;
        DateTimeOffset? recurrenceId = source.RecurrenceIdentifier?.StartTime is { } rid
            ? CalendarInstants.Of(rid, zone)
            : InvitationItems.Recurs(source) ? start : null;
        var attendees = InvitationItems.Attendees(source);
        var categories = InvitationItems.Categories(source);
        return new CalendarItem(
            source.Uid!.Trim(),
            recurrenceId,
            InvitationItems.Summary(source) is { Length: > 0 } summary ? summary : InvitationItems.Summary(master),
            categories.Count > 0 ? categories : InvitationItems.Categories(master),
            InvitationItems.Address(source.Organizer?.Value) ?? InvitationItems.Address(master.Organizer?.Value),
            attendees.Count > 0 ? attendees : InvitationItems.Attendees(master),
            start,
            end,
            IsAllDay: !occurrence.Period.StartTime.HasTime,
            Location: string.IsNullOrWhiteSpace(source.Location) ? master.Location?.Trim() : source.Location.Trim());
    }

    // An hourly, minutely or secondly rule is stepped through from its start inside Ical.Net before any occurrence
    // reaches the window: a FREQ=SECONDLY series begun years ago would take minutes. Such rules are refused here.
    private static LocalizedText? TooDense(Calendar calendar, RegimeZone zone, InvitationOptions options, DateTimeOffset to)
    {
        foreach (var e in calendar.Events)
        {
            // Every rule the engine evaluates: a second RRULE and EXRULE are deprecated, not ignored.
#pragma warning disable CS0618
            var rules = e.RecurrenceRules.Concat(e.ExceptionRules).ToList();
#pragma warning restore CS0618
            foreach (var rule in rules)
            {
                var step = rule.Frequency switch
                {
                    FrequencyType.Secondly => TimeSpan.FromSeconds(1),
                    FrequencyType.Minutely => TimeSpan.FromMinutes(1),
                    FrequencyType.Hourly => TimeSpan.FromHours(1),
                    _ => (TimeSpan?)null,
                };
                if (step is null || e.DtStart is null)
                {
                    continue;
                }

                var steps = (to - CalendarInstants.Of(e.DtStart, zone)) / (step.Value * Math.Max(1, rule.Interval));
                if (steps > options.MaxRecurrenceSteps)
                {
                    return new($"重复规则（{rule.Frequency}）到窗口结束需要超过 {options.MaxRecurrenceSteps} 步", $"the rule ({rule.Frequency}) takes more than {options.MaxRecurrenceSteps} steps to the window's end");
                }
            }
        }

        return null;
    }
}
