using System.Globalization;
using System.Text.Json.Nodes;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Events;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// A project events file for each year of every city CRM department, shaped like samples/events.json: a
/// weekly department meeting on working days, two joint drawing reviews, a showflat and a sales opening, a
/// site-open weekend, a three-day delivery, four customer activities, three hot complaints and, at every third
/// unit, a major complaint. Times are Shanghai wall-clock times; a window's bare end date means that day's end.
/// </summary>
internal sealed class ScenarioEvents(WorkingCalendar calendar, int year, Random random, JsonArray events)
{
    /// <summary>An events file of the given years, each drawn in turn from the one random sequence.</summary>
    public static string Json(WorkingCalendar calendar, IEnumerable<int> years, Random random, int cityUnits)
    {
        var events = new JsonArray();
        foreach (var year in years)
        {
            var scenario = new ScenarioEvents(calendar, year, random, events);
            for (var i = 0; i < cityUnits; i++)
            {
                scenario.AddUnit(i);
            }
        }

        return new JsonObject { ["events"] = events }.ToJsonString();
    }

    private void AddUnit(int index)
    {
        var unit = ScenarioOrganisation.CityUnitId(index);
        var meetingDay = (DayOfWeek)(1 + index % 5);
        var (meetingStart, meetingEnd) = index % 2 == 0 ? ("09:30", "11:00") : ("14:00", "15:30");
        for (var day = OnOrAfter(new DateOnly(year, 1, 1), meetingDay); day.Year == year; day = day.AddDays(7))
        {
            if (calendar.IsWorkingDay(day))
            {
                Add(unit, EventKinds.CrmMeeting, day, meetingStart, day, meetingEnd);
            }
        }

        foreach (var (fromMonth, toMonth) in new[] { (1, 6), (7, 12) })
        {
            var review = WorkingDay(fromMonth, toMonth);
            Add(unit, EventKinds.JointDrawingReview, review, "14:00", review, "17:00");
        }

        var showflat = Weekday(DayOfWeek.Saturday, 2, 10);
        Add(unit, EventKinds.ShowflatOpening, showflat, "10:00", showflat, "18:00");
        var sales = Weekday(DayOfWeek.Saturday, 3, 11);
        Add(unit, EventKinds.SalesOpening, sales, "09:00", sales, "18:00");

        var siteOpen = Weekday(DayOfWeek.Saturday, 3, 11);
        Add(unit, EventKinds.SiteOpen, siteOpen, null, siteOpen.AddDays(1), null);
        var delivery = Weekday(DayOfWeek.Friday, 4, 11);
        Add(unit, EventKinds.Delivery, delivery, null, delivery.AddDays(2), null);

        for (var quarter = 0; quarter < 4; quarter++)
        {
            var activity = Weekday(DayOfWeek.Saturday, 3 * quarter + 1, 3 * quarter + 3);
            Add(unit, EventKinds.CustomerActivity, activity, "14:00", activity, "17:00");
        }

        for (var complaint = 0; complaint < (index % 3 == 0 ? 4 : 3); complaint++)
        {
            var kind = complaint == 3 ? EventKinds.MajorComplaint : EventKinds.HotComplaint;
            var at = $"{random.Next(8, 21):00}:{random.Next(0, 60):00}";
            Add(unit, kind, WorkingDay(1, 12), at, null, null);
        }
    }

    private void Add(string unit, string kind, DateOnly startDay, string? startTime, DateOnly? endDay, string? endTime)
    {
        var id = $"{unit}-{startDay:yyyy-MM-dd}-{kind}-{events.Count}";
        var e = new JsonObject
        {
            ["id"] = id,
            ["unit"] = unit,
            ["project"] = "基准项目",
            ["kind"] = kind,
            ["start"] = Local(startDay, startTime),
        };
        if (endDay is { } end)
        {
            e["end"] = Local(end, endTime);
        }

        events.Add(e);
    }

    private static string Local(DateOnly day, string? time) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (time is null ? "" : "T" + time);

    private static DateOnly OnOrAfter(DateOnly day, DayOfWeek weekday) => day.AddDays(((int)weekday - (int)day.DayOfWeek + 7) % 7);

    // A day drawn from the months, leaving out their last spareDays days.
    private DateOnly RandomDay(int fromMonth, int toMonth, int spareDays = 0)
    {
        var first = new DateOnly(year, fromMonth, 1);
        var last = new DateOnly(year, toMonth, 1).AddMonths(1).AddDays(-1 - spareDays);
        return first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
    }

    private DateOnly WorkingDay(int fromMonth, int toMonth) => calendar.OnOrAfter(RandomDay(fromMonth, toMonth));

    private DateOnly Weekday(DayOfWeek weekday, int fromMonth, int toMonth) => OnOrAfter(RandomDay(fromMonth, toMonth, spareDays: 6), weekday);
}
