using System.Globalization;
using System.Net;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;
using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>Nudges and overdue notices as their owners read them: built by the view builder, rendered through the shipped templates.</summary>
public sealed class NoticeMailTests
{
    private static readonly TemplateRenderer Renderer = new(ShippedSettings.Templates);
    private static readonly Compliance.Regime Regime = ShippedRegime.Regime;
    private static readonly ObligationEvaluator Evaluator = new(Regime.Calendar, Regime.Zone, ScoringPolicy.Default);
    private static readonly IReadOnlyList<Obligation> Owed = new ObligationGenerator(Regime).Generate(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31));

    [Theory]
    [InlineData("zh", "（11月23日）", "一组即可", "「呼叫中心 + 日报」或「客服热线 + 日报」", "呼叫中心 客服热线")]
    [InlineData("en", "(23 Nov)", "any one group is enough", "“呼叫中心 + 日报” or “客服热线 + 日报”", "呼叫中心 客服热线")]
    public void RenderNotice_ANudge_NamesThePeriodAndSaysOneKeywordGroupIsEnough(string language, string period, string oneIsEnough, string groups, string misleading)
    {
        var daily = Obligation("callcenter-daily", "callcenter", "2026-11-23");

        var mail = Render(language, NoticeKind.Nudge, new ObligationResult(daily, ObligationStatus.Pending, 0, 0, [], null));

        mail.Subject.Should().Contain(period);
        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            part.Should().Contain(period).And.Contain(oneIsEnough).And.Contain(groups).And.Contain("呼叫中心信息日报 2026年11月23日");
            part.Should().NotContain(misleading).And.NotContain("2026-11-23）").And.NotContain("(2026-11-23)");
        }
    }

    [Theory]
    [InlineData("zh", "2026-11-23 21:00 之后仍未收到，即记为漏报，扣 10 分", "每再逾期一个工作日")]
    [InlineData("en", "If it has not arrived by 2026-11-23 21:00, it counts as missing: 10 points", "for each additional working day")]
    public void RenderNotice_AnOverdueNotice_NamesTheCutOffWhenItTurnsMissing(string language, string cutOff, string noFurtherStep)
    {
        // Sunday's daily, due 21:00: one working day late until Monday 21:00, missing after it.
        var daily = Obligation("callcenter-daily", "callcenter", "2026-11-22");
        var result = Evaluator.Evaluate(daily, [], [], At("2026-11-23 19:00"));

        var mail = Render(language, NoticeKind.Overdue, result);

        result.Status.Should().Be(ObligationStatus.Overdue);
        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            part.Should().Contain(cutOff).And.Contain("呼叫中心信息日报 2026年11月22日");
            part.Should().NotContain(noFurtherStep, "the next working day late is the one that makes it missing");
        }
    }

    [Fact]
    public void Notice_UnderPointsThatTakeSeveralDaysToReachTheCap_SaysEachFurtherDayCostsMoreUntilTheCutOff()
    {
        // 2 points a working day, capped at 10: missing once 5 working days late; Sunday's daily is late by at most 4 until Thursday 21:00.
        var policy = ScoringPolicy.Default with { LatePerWorkingDay = 2 };
        var daily = Obligation("callcenter-daily", "callcenter", "2026-11-22");
        var result = new ObligationEvaluator(Regime.Calendar, Regime.Zone, policy).Evaluate(daily, [], [], At("2026-11-23 19:00"));
        var views = new ViewBuilder(Regime, policy, "zh", "reports@hq.example.com");

        var notice = views.Notice(new PlannedNotice(NoticeKind.Overdue, result, At("2026-11-23 19:00")));

        (notice.MissingAfter, notice.MoreLateDays, notice.DeductionSoFar).Should().Be(("2026-11-26 21:00", true, 2));
    }

    // One obligation of every report a unit owes by email: each kind of period (day, ISO week, month, quarter, long
    // holiday, event, a day of an event's window) is among them.
    public static TheoryData<string> EveryWatchedReport()
    {
        var data = new TheoryData<string>();
        foreach (var report in Owed.Select(o => o.ReportId).Distinct())
        {
            data.Add(report);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryWatchedReport))]
    public void Notice_TheExampleSubject_IsReadByTheParserAsTheObligationsReportAndPeriod(string report)
    {
        var obligation = Owed.First(o => o.ReportId == report);
        var unit = Regime.Directory.FindUnit(obligation.UnitId)!;
        var sender = unit.Submitters[Regime.Catalog[report].SubmitterRole][0];
        var views = new ViewBuilder(Regime, ShippedSettings.Assessment().Scoring, "zh", "reports@hq.example.com");
        var example = views.Notice(new PlannedNotice(NoticeKind.Nudge, new ObligationResult(obligation, ObligationStatus.Pending, 0, 0, [], null), obligation.Due)).SubjectExample;
        var received = obligation.Due.AddMinutes(-1);

        var outcome = ShippedRegime.Parser.Parse(System.Text.Encoding.UTF8.GetBytes($"""
            X-MS-Exchange-Organization-AuthAs: Internal
            From: {sender}
            To: cs-dl@hq.example.com
            Subject: =?UTF-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(example))}?=
            Message-ID: <example-{report}@example.com>
            Content-Type: text/plain; charset=utf-8

            请查收。
            """.ReplaceLineEndings("\r\n")), received);

        (outcome.ReportId, outcome.PeriodId).Should().Be((report, obligation.Period.Id), $"\"{example}\" names {obligation.Key}");
    }

    private static Obligation Obligation(string report, string unit, string period) =>
        Owed.Single(o => o.ReportId == report && o.UnitId == unit && o.Period.Id == period);

    private static RenderedMail Render(string language, NoticeKind kind, ObligationResult result)
    {
        var options = ShippedSettings.Notifications();
        options.Language = language;
        var notifier = new Notifier(Regime, options, ShippedSettings.Assessment(), Renderer, "reports@hq.example.com");
        return notifier.RenderNotice(new PlannedNotice(kind, result, result.Obligation.Due));
    }

    internal static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
