using MailOps.Compliance.Catalog;

namespace MailOps.Compliance.Notices;

/// <summary>
/// When report owners hear from MailOps: the nudge timing per report, else per category, else the default;
/// whether an overdue notice follows the deadline; the working day's hours, outside which nothing is sent
/// to a person; and whether SMS or phone items get a reminder at all.
/// </summary>
public sealed record NoticePolicy
{
    public static NoticePolicy Default { get; } = new();

    /// <summary>The nudge of a report with no timing of its own or of its category: 80% of the window.</summary>
    public NudgeTiming DefaultTiming { get; init; } = NudgeTiming.Fraction(0.8);

    /// <summary>Per category; by default event reports (special) are nudged when their window opens.</summary>
    public IReadOnlyDictionary<ReportCategory, NudgeTiming> ByCategory { get; init; } =
        new Dictionary<ReportCategory, NudgeTiming> { [ReportCategory.Special] = NudgeTiming.Opens };

    /// <summary>Per report id (the public contract's ids), overriding its category.</summary>
    public IReadOnlyDictionary<string, NudgeTiming> ByReport { get; init; } = new Dictionary<string, NudgeTiming>(StringComparer.Ordinal);

    /// <summary>Whether an overdue notice goes to the owner once the deadline has passed and nothing came.</summary>
    public bool OverdueNotices { get; init; } = true;

    /// <summary>How long after the deadline the overdue notice waits (a report sent a minute late needs none).</summary>
    public TimeSpan OverdueAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The working day starts here: a nudge that would fall earlier (an event window opening at midnight) waits until then.</summary>
    public TimeOnly WorkdayStart { get; init; } = new(9, 0);

    /// <summary>... and ends here: a notice that would fall later waits for the next day's start (a nudge that would then miss its deadline comes forward to the day's end).</summary>
    public TimeOnly WorkdayEnd { get; init; } = new(21, 0);

    /// <summary>Whether items owed by SMS or phone (which MailOps cannot see) get a reminder; they never get an overdue notice.</summary>
    public bool RemindNonEmailChannels { get; init; }

    /// <summary>The hours in which a person is written to: <see cref="WorkdayStart"/> to <see cref="WorkdayEnd"/>.</summary>
    public WorkingHours Hours => new(WorkdayStart, WorkdayEnd);

    public NudgeTiming TimingFor(ReportDefinition report) =>
        ByReport.GetValueOrDefault(report.Id) ?? ByCategory.GetValueOrDefault(report.Category) ?? DefaultTiming;
}
