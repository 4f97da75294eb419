namespace MailOps.Compliance.Calendar;

/// <summary>One year's official holiday arrangement as an administrator writes it (regime/calendar/YYYY.json).</summary>
internal sealed class CalendarDocument
{
    public int? Year { get; set; }

    /// <summary>The notice the data comes from, for the record.</summary>
    public string? Source { get; set; }

    public List<HolidayDocument>? Holidays { get; set; }
}

internal sealed class HolidayDocument
{
    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public List<string>? MakeUpWorkingDays { get; set; }
}
