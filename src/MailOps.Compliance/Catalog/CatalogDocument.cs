namespace MailOps.Compliance.Catalog;

/// <summary>The report catalog as it is written (regime/catalog.json); see docs/regime.md.</summary>
internal sealed class CatalogDocument
{
    public List<ReportDocument>? Reports { get; set; }
}

internal sealed class ReportDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary><c>routine</c>, <c>special</c> or <c>assessment</c>.</summary>
    public string? Category { get; set; }

    /// <summary>The kind of unit that owes the report: <c>callcenter</c>, <c>property-warranty</c> or <c>city-crm</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>The submitter role key, such as <c>callcenter.duty</c>.</summary>
    public string? Submitter { get; set; }

    /// <summary><c>email</c>, <c>sms</c> or <c>phone</c>.</summary>
    public string? Channel { get; set; }

    /// <summary>Whether MailOps watches for it; by default only email reports are watched.</summary>
    public bool? Monitored { get; set; }

    /// <summary>Whether units owe it unless they opt in; <c>true</c> by default.</summary>
    public bool? Enabled { get; set; }

    public DeadlineDocument? Deadline { get; set; }

    /// <summary><c>stand</c>, <c>next-working-day</c> or <c>previous-working-day</c>; by default chosen by the rule kind.</summary>
    public string? NonWorkingDay { get; set; }

    public List<string>? To { get; set; }

    public List<string>? Cc { get; set; }

    /// <summary>Groups of subject keywords: a subject matches when it holds every word of any one group.</summary>
    public List<List<string>>? Keywords { get; set; }

    /// <summary>Regular expressions over the normalized subject, as an alternative to keywords.</summary>
    public List<string>? Patterns { get; set; }

    /// <summary>Words that make a matching subject another document (安排, 通知, 模板); none when omitted.</summary>
    public List<string>? ExcludeWords { get; set; }

    public ContentDocument? Content { get; set; }

    public string? Note { get; set; }
}

internal sealed class DeadlineDocument
{
    /// <summary>
    /// <c>daily</c>, <c>weekly</c>, <c>monthly-last-day</c>, <c>monthly-day</c>, <c>quarterly</c>, <c>event</c>,
    /// <c>event-window-daily</c>, <c>event-recurring-weekly</c> or <c>after-long-holiday</c>.
    /// </summary>
    public string? Kind { get; set; }

    /// <summary>Local time of day, <c>HH:mm</c>; omitted means the end of the day.</summary>
    public string? Time { get; set; }

    /// <summary>weekly: the day of the following week (<c>monday</c> by default).</summary>
    public string? Weekday { get; set; }

    /// <summary>monthly-day and quarterly: the day of the month, clamped to the month's end.</summary>
    public int? Day { get; set; }

    /// <summary>monthly-day: 0 for the period's own month, 1 for the month after it.</summary>
    public int? MonthsAfter { get; set; }

    /// <summary>monthly-last-day: the day the data is cut off (the window opens the day after).</summary>
    public int? DataCutoffDay { get; set; }

    /// <summary>event rules: the event kind, such as <c>site-open</c>.</summary>
    public string? Event { get; set; }

    /// <summary>event: <c>start</c> or <c>end</c> of the event.</summary>
    public string? Anchor { get; set; }

    /// <summary>event: a signed amount and unit, <c>24h</c>, <c>-10d</c> or <c>3wd</c> (working days).</summary>
    public string? Offset { get; set; }

    /// <summary>event-recurring-weekly: the first report is due this many days before the event.</summary>
    public int? FirstDaysBefore { get; set; }

    /// <summary>event-recurring-weekly: days between reports (7 by default).</summary>
    public int? IntervalDays { get; set; }

    /// <summary>after-long-holiday: the shortest run of days off that counts (3 by default).</summary>
    public int? MinimumDays { get; set; }

    /// <summary>after-long-holiday: only these holiday keys count; every statutory holiday when omitted.</summary>
    public List<string>? Holidays { get; set; }
}

internal sealed class ContentDocument
{
    public List<AttachmentDocument>? Attachments { get; set; }

    /// <summary>Labels of fields or table columns of the body that must be filled.</summary>
    public List<string>? Fields { get; set; }

    public List<WorkbookCellDocument>? Workbook { get; set; }
}

internal sealed class AttachmentDocument
{
    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>Accepted file extensions, such as <c>.xlsx</c>; any file when omitted.</summary>
    public List<string>? Extensions { get; set; }
}

internal sealed class WorkbookCellDocument
{
    public string? Sheet { get; set; }

    /// <summary>An A1 reference such as <c>B3</c>.</summary>
    public string? Cell { get; set; }

    public string? Label { get; set; }
}
