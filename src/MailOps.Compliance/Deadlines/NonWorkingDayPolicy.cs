using MailOps.Compliance.Calendar;

namespace MailOps.Compliance.Deadlines;

/// <summary>What a due date that falls on a non-working day becomes; the time of day is kept.</summary>
public enum NonWorkingDayPolicy
{
    /// <summary>The deadline stands (daily reports fall due on every calendar day).</summary>
    Stand,

    /// <summary>The deadline moves to the next working day (the default for weekly, monthly and quarterly reports).</summary>
    NextWorkingDay,

    /// <summary>The deadline moves back to the last working day before it.</summary>
    PreviousWorkingDay,
}

internal static class NonWorkingDayPolicyExtensions
{
    public static DateOnly Apply(this NonWorkingDayPolicy policy, WorkingCalendar calendar, DateOnly day) => policy switch
    {
        NonWorkingDayPolicy.NextWorkingDay => calendar.OnOrAfter(day),
        NonWorkingDayPolicy.PreviousWorkingDay => calendar.OnOrBefore(day),
        _ => day,
    };
}
