using System.Globalization;
using System.Text.RegularExpressions;
using MailOps.Compliance.Calendar;
using MailOps.Parsing.Classification;

namespace MailOps.Parsing.Subjects;

/// <summary>
/// The statutory holidays a (normalized) subject names, by the working calendar's names: 国庆节 and 国庆, 中秋,
/// 春节, 劳动节 and 五一, 清明, 端午, 元旦, or the English name. Which year's holiday: the year written just before
/// the name (<c>2025年国庆</c>), else the one whose first day off is nearest the received date, within the limits
/// of any named period (starting at most 31 days after it, ending at most 400 days before it).
/// </summary>
/// <remarks>The calendar's names are folded once, when the instance is made, not for every subject.</remarks>
internal sealed partial class SubjectHolidays(IReadOnlyList<HolidayArrangement> holidays)
{
    // What people call a holiday that its calendar name does not give.
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["labour-day"] = ["五一"],
    };

    private readonly List<IGrouping<string, HolidayArrangement>> _byName = [.. holidays
        .SelectMany(h => Names(h).Concat(Aliases.GetValueOrDefault(h.Key) ?? []).Distinct(StringComparer.Ordinal).Select(name => (Name: name, Holiday: h)))
        .GroupBy(n => n.Name, n => n.Holiday, StringComparer.Ordinal)];

    public static IReadOnlyList<HolidayArrangement> Find(string subject, IReadOnlyList<HolidayArrangement> holidays, DateOnly received) =>
        new SubjectHolidays(holidays).Find(subject, received);

    public IReadOnlyList<HolidayArrangement> Find(string subject, DateOnly received)
    {
        var found = new List<HolidayArrangement>();
        foreach (var named in _byName)
        {
            if (!SubjectWords.Contains(subject, named.Key))
            {
                continue;
            }

            var year = YearBefore(subject, named.Key);
            var chosen = named
                .Where(h => year is null ? Near(h, received) : h.Year == year)
                .MinBy(h => Math.Abs(h.FirstDayOff.DayNumber - received.DayNumber));
            if (chosen is not null && !found.Contains(chosen))
            {
                found.Add(chosen);
            }
        }

        return found;
    }

    private static bool Near(HolidayArrangement holiday, DateOnly received) =>
        holiday.FirstDayOff.DayNumber - received.DayNumber <= PeriodResolver.LongestAhead
        && received.DayNumber - holiday.LastDayOff.DayNumber <= PeriodResolver.LongestPast;

    // 国庆节、中秋节 is two names; each also without its 节 when two characters remain (国庆, 中秋, but 春节).
    private static IEnumerable<string> Names(HolidayArrangement holiday)
    {
        foreach (var part in NameSeparator().Split(TextFold.Fold(holiday.Name.Zh)).Concat(EnglishSeparator().Split(TextFold.Fold(holiday.Name.En))))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            yield return name;
            if (name.EndsWith('节') && name.Length >= 3)
            {
                yield return name[..^1];
            }
        }
    }

    // The year written just before the holiday's name, such as 2025年国庆.
    private static int? YearBefore(string subject, string name)
    {
        var year = Year().Match(subject[..subject.IndexOf(name, StringComparison.OrdinalIgnoreCase)]);
        return year.Success ? int.Parse(year.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex("[、,，/及和与]")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"\s+and\s+|,", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishSeparator();

    [GeneratedRegex(@"(?<!\d)(?<y>20\d{2})\s?年?\s?$")]
    private static partial Regex Year();
}
