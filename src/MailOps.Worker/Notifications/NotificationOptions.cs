using System.Globalization;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Notices;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Notifications;

/// <summary>
/// What MailOps sends, when and to whom (section <c>MailOps:Notifications</c>). Timings are written as
/// <see cref="NudgeTiming"/> reads them (<c>80%</c>, <c>-02:00</c>, <c>10:00</c>, <c>opens</c>, <c>off</c>);
/// recipients are role keys of the directory (<c>group.cs</c>, <c>city.hr-admin</c>) or addresses.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "MailOps:Notifications";

    /// <summary><c>zh</c> (default) or <c>en</c>: which templates render every mail.</summary>
    public string Language { get; set; } = "zh";

    /// <summary>The template folder; relative to the program's folder.</summary>
    public string Templates { get; set; } = "templates";

    /// <summary>
    /// The display name of the mailbox on every mail MailOps sends (<c>MailOps 报送助手 &lt;reports@…&gt;</c>), so that people
    /// see at a glance that it is automatic; default <c>MailOps 报送助手</c>.
    /// </summary>
    public string SenderName { get; set; } = "MailOps 报送助手";

    /// <summary>Render every mail into the folder mailbox's outbox and send nothing, whatever the mailbox.</summary>
    public bool DryRun { get; set; }

    /// <summary>When the digest goes out on each working day (local time of the regime).</summary>
    public string DigestAt { get; set; } = "09:00";

    public string WorkdayStart { get; set; } = "09:00";

    public string WorkdayEnd { get; set; } = "21:00";

    public NudgeSettings Nudges { get; set; } = new();

    public OverdueSettings Overdue { get; set; } = new();

    public RecipientSettings Recipients { get; set; } = new();

    /// <summary>The policy these settings describe; call only on validated options.</summary>
    public NoticePolicy Policy() => new()
    {
        DefaultTiming = Timing(Nudges.Default),
        ByCategory = Nudges.ByCategory.ToDictionary(p => Category(p.Key)!.Value, p => Timing(p.Value)),
        ByReport = Nudges.ByReport.ToDictionary(p => p.Key, p => Timing(p.Value), StringComparer.Ordinal),
        RemindNonEmailChannels = Nudges.RemindNonEmailChannels,
        OverdueNotices = Overdue.Enabled,
        OverdueAfter = Overdue.After,
        WorkdayStart = Time(WorkdayStart)!.Value,
        WorkdayEnd = Time(WorkdayEnd)!.Value,
    };

    public TimeOnly DigestTime() => Time(DigestAt)!.Value;

    internal static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    // One category by its name only: not a number, not a comma-separated list of flags.
    internal static ReportCategory? Category(string? text) =>
        Enum.GetValues<ReportCategory>().Cast<ReportCategory?>().FirstOrDefault(c => string.Equals(c.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static NudgeTiming Timing(string text) => NudgeTiming.TryParse(text, out var timing, out _) ? timing : NudgeTiming.Off;
}

public sealed class NudgeSettings
{
    public string Default { get; set; } = "80%";

    /// <summary>Per category (<c>routine</c>, <c>special</c>, <c>assessment</c>); by default event reports are nudged when their window opens.</summary>
    public Dictionary<string, string> ByCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["special"] = "opens" };

    /// <summary>Per report id of the catalog.</summary>
    public Dictionary<string, string> ByReport { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Remind owners of SMS and phone items too (MailOps cannot see those, so never an overdue notice).</summary>
    public bool RemindNonEmailChannels { get; set; }
}

public sealed class OverdueSettings
{
    public bool Enabled { get; set; } = true;

    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(30);
}

public sealed class RecipientSettings
{
    public List<string> Digest { get; set; } = [];

    public List<string> Monthly { get; set; } = [];

    public List<string> Quarterly { get; set; } = [];
}

internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var s = NotificationOptions.Section;
        var failures = new List<string>();
        if (options.Language is not ("zh" or "en"))
        {
            failures.Add($"{s}:Language \"{options.Language}\" is not a language of the templates: write zh or en.");
        }

        if (string.IsNullOrWhiteSpace(options.SenderName) || options.SenderName.Any(char.IsControl) || options.SenderName.Length > 64)
        {
            failures.Add($"{s}:SenderName \"{options.SenderName}\" is not a display name: write up to 64 characters on one line, such as MailOps 报送助手.");
        }

        foreach (var (key, value) in new[] { ("DigestAt", options.DigestAt), ("WorkdayStart", options.WorkdayStart), ("WorkdayEnd", options.WorkdayEnd) })
        {
            if (NotificationOptions.Time(value) is null)
            {
                failures.Add($"{s}:{key} \"{value}\" is not a time of day such as 09:00.");
            }
        }

        if (NotificationOptions.Time(options.WorkdayStart) is { } start && NotificationOptions.Time(options.WorkdayEnd) is { } end && end <= start)
        {
            failures.Add($"{s}:WorkdayEnd {options.WorkdayEnd} is not after WorkdayStart {options.WorkdayStart}.");
        }

        if (NotificationOptions.Time(options.DigestAt) is { } digest && NotificationOptions.Time(options.WorkdayStart) is { } dayStart
            && NotificationOptions.Time(options.WorkdayEnd) is { } workdayEnd && workdayEnd > dayStart && digest >= workdayEnd)
        {
            failures.Add($"{s}:DigestAt {options.DigestAt} is not before WorkdayEnd {options.WorkdayEnd}: nothing goes to a person after the working day, so the digest would never go; set it in the working day, such as 09:00.");
        }

        Timing($"{s}:Nudges:Default", options.Nudges.Default, failures);
        foreach (var (category, timing) in options.Nudges.ByCategory)
        {
            if (NotificationOptions.Category(category) is null)
            {
                failures.Add($"{s}:Nudges:ByCategory:{category} is not a report category: write routine, special or assessment.");
            }

            Timing($"{s}:Nudges:ByCategory:{category}", timing, failures);
        }

        foreach (var (report, timing) in options.Nudges.ByReport)
        {
            Timing($"{s}:Nudges:ByReport:{report}", timing, failures);
        }

        if (options.Overdue.After < TimeSpan.Zero)
        {
            failures.Add($"{s}:Overdue:After {options.Overdue.After} is negative: an overdue notice cannot go before the deadline.");
        }

        foreach (var (key, list) in new[] { ("Digest", options.Recipients.Digest), ("Monthly", options.Recipients.Monthly), ("Quarterly", options.Recipients.Quarterly) })
        {
            if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{s}:Recipients:{key} names no one: list role keys of the directory (group.cs) or addresses.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Timing(string key, string? text, List<string> failures)
    {
        if (!NudgeTiming.TryParse(text, out _, out var error))
        {
            failures.Add($"{key}: {error}.");
        }
    }
}
