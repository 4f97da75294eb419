using System.Globalization;
using MailOps.Compliance;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Organisation;
using MailOps.CorpusGenerator.Cases;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;
using MailOps.SampleMailGenerator.Plan;

namespace MailOps.ScaleMail;

/// <summary>One message to write: when it was received, a slug for its file name, its report (or "ordinary"), and how to build it once numbered.</summary>
internal sealed record Planned(DateTimeOffset Received, string Slug, string Kind, Func<int, MailCase> Build);

/// <summary>
/// The report mail of every obligation the regime owes in the range, as its submitter sends it to the catalog's To and
/// CC roles: mostly on time at the hour such a report is written (as the sample month's Sending does), some late by one
/// to three working days, some never sent, some sent without a CC role, some sent twice (a correction). Nothing is
/// received after <c>end</c>: an obligation whose mail would come later is simply not sent yet.
/// </summary>
internal sealed class ReportPlan(Regime regime, Random random, DateTimeOffset end)
{
    private readonly Subjects _subjects = new(regime, random);

    public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public List<string> SentSubjects { get; } = [];

    public IEnumerable<Planned> For(IEnumerable<Obligation> obligations)
    {
        foreach (var obligation in obligations)
        {
            if (obligation.Opens > end || regime.Catalog[obligation.ReportId].Channel != Channel.Email)
            {
                continue;
            }

            var draw = random.NextDouble();
            var (outcome, late, dropCc) = draw switch
            {
                < 0.04 => ("missing", 0, false),
                < 0.12 => ("late", 1 + random.Next(3), false),
                < 0.14 => ("cc-missing", 0, true),
                _ => ("on-time", 0, false),
            };
            var received = late > 0 ? Late(obligation, late) : OnTime(obligation);
            if (outcome == "missing" || received > end)
            {
                Count(received > end ? "not-yet" : "missing");
                continue;
            }

            Count(outcome);
            var unit = regime.Directory.FindUnit(obligation.UnitId)!;
            var report = regime.Catalog[obligation.ReportId];
            var title = TitleOf(obligation);
            var submitter = random.Next(unit.Submitters[report.SubmitterRole].Count);
            var layout = report.Id == "warranty-weekly" ? TableLayout.PerProject : random.Next(3) == 0 ? TableLayout.Horizontal : TableLayout.Vertical;
            var (to, cc) = Recipients(unit, report, dropCc && report.Cc.Count > 0 ? report.Cc[0] : null);
            var slug = $"{unit.Id}-{report.Id}";
            SentSubjects.Add(title.Subject);
            yield return Mail(received, slug, unit, report, submitter, to, cc, title, layout);

            if (random.NextDouble() < 0.03)
            {
                var again = received.AddMinutes(60 + random.Next(180));
                if (again <= end)
                {
                    Count("sent-twice");
                    yield return Mail(again, slug + "-correction", unit, report, submitter, to, cc, title with { Subject = title.Subject + "（更正）" }, layout);
                }
            }
        }
    }

    // The reports the sample month owes none of get a subject of the same shape; the rest are the sample month's.
    private Title TitleOf(Obligation obligation)
    {
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        var company = unit.Name.Zh.Replace("客户关系部", "", StringComparison.Ordinal);
        var start = obligation.Period.Start;
        var quarter = $"{start.Year}年第{(start.Month + 2) / 3}季度";
        return obligation.ReportId switch
        {
            "holiday-duty-summary" => new($"{company}{start.Year}年{HolidayName(obligation.Period.Id)}长假值班总结", $"{start.Year}年{HolidayName(obligation.Period.Id)}"),
            "defect-feedback-quarterly" => new($"{company}{quarter}缺陷反馈季报", quarter),
            "compensation-quarterly" => new($"{company}{quarter}客户赔偿季报", quarter),
            "project-progress-monthly" => new($"{company}项目工程进度情况（{start.Year}年{start.Month}月）", $"{start.Year}年{start.Month}月"),
            _ => _subjects.For(obligation),
        };
    }

    private static string HolidayName(string period) =>
        period.EndsWith("spring-festival", StringComparison.Ordinal) ? "春节" : period.EndsWith("national-day", StringComparison.Ordinal) ? "国庆" : "劳动节";

    private static Planned Mail(DateTimeOffset received, string slug, Unit unit, ReportDefinition report, int submitter, List<Person> to, List<Person> cc, Title title, TableLayout layout) =>
        new(received, slug, report.Id, number => new MailCase(number, slug, $"{report.Id} of {unit.Id}")
            .Submit(unit.Id, report.Id, submitter)
            .Recipients(to, cc)
            .Subject(title.Subject).Intro(title.Intro).Layout(layout)
            .At(received).Header("X-Received-At", Iso(received)));

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;

    private DateTimeOffset OnTime(Obligation obligation)
    {
        var dueDay = regime.Zone.DateOf(obligation.Due);
        var received = obligation.ReportId switch
        {
            "callcenter-daily" or "site-open-daily" or "delivery-daily" => At(dueDay, 18, 40, 120),
            "callcenter-weekly" or "warranty-weekly" => At(dueDay, 8, 30, 80),
            "callcenter-monthly" or "warranty-monthly" or "crm-monthly" => At(regime.Calendar.OnOrBefore(dueDay), 9, 0, 240),
            _ when obligation.Due - obligation.Opens <= TimeSpan.FromDays(2) => obligation.Opens.AddMinutes(60 + random.Next(120)),
            _ => At(regime.Calendar.OnOrBefore(dueDay.AddDays(-2)), 10, 0, 360),
        };

        // On time means inside the window: after it opens, before it is due.
        if (received >= obligation.Due)
        {
            received = obligation.Due.AddMinutes(-5 - random.Next(55));
        }

        return received < obligation.Opens ? obligation.Opens.AddMinutes(1 + random.Next(5)) : received;
    }

    private DateTimeOffset Late(Obligation obligation, int workingDays) =>
        At(regime.Calendar.AddWorkingDays(regime.Zone.DateOf(obligation.Due), workingDays), 9, 5, 90);

    private DateTimeOffset At(DateOnly day, int hour, int minute, int spreadMinutes) =>
        regime.Zone.At(day, new TimeOnly(hour, minute)).AddMinutes(random.Next(spreadMinutes)).AddSeconds(random.Next(60));

    private (List<Person> To, List<Person> Cc) Recipients(Unit unit, ReportDefinition report, string? dropped) => ReportRecipients.Of(regime, unit, report, dropped);

    internal static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
