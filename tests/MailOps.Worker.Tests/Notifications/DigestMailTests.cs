using System.Globalization;
using System.Net;
using MailOps.Compliance.Common;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>
/// The digest as headquarters reads it: built by the notifier from judged obligations, laid out by the view builder and
/// rendered through the shipped templates, in both languages. Times are China Standard Time.
/// </summary>
public sealed class DigestMailTests(SampleMorning sample) : IClassFixture<SampleMorning>
{
    private static readonly TemplateRenderer Renderer = new(ShippedSettings.Templates);

    // Within 60 days of the calendar's data ending (2026-12-31), so the calendar warns.
    private const string Morning = "2026-11-23 09:00";

    [Theory]
    [InlineData("zh", "本季度")]
    [InlineData("en", "Quarter-to-date")]
    public void PreviewDigest_WhenTheCalendarRunsOut_SaysSoOnceAtTheFootAndNotAtTheTop(string language, string lastSection)
    {
        var notifier = Notifier(language);
        var calendar = ShippedRegime.Regime.Calendar.CoverageWarning(new DateOnly(2026, 11, 23))!.Message;
        var said = language == "zh" ? calendar.Zh : calendar.En;

        var mail = notifier.RenderDigest(notifier.PreviewDigest(Snapshot.Empty(At(Morning))));

        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            Occurrences(part, said).Should().Be(1);
            part.IndexOf(said, StringComparison.Ordinal).Should().BeGreaterThan(part.LastIndexOf(lastSection, StringComparison.Ordinal), "the administrator's task is a line at the foot, after the scores");
        }
    }

    [Theory]
    [InlineData("zh", "上一工作日")]
    [InlineData("en", "ast working day")]
    public void RenderDigest_AnOperationalWarning_StaysAboveTheMatricesWhileTheCalendarsGoesToTheFoot(string language, string firstMatrix)
    {
        var notifier = Notifier(language);
        var mailbox = new LocalizedText("邮箱 reports@hq.example.com 读取失败", "The mailbox reports@hq.example.com could not be read");
        var calendar = ShippedRegime.Regime.Calendar.CoverageWarning(new DateOnly(2026, 11, 23))!;
        var snapshot = Snapshot.Empty(At(Morning));

        var mail = notifier.RenderDigest(notifier.BuildDigest(snapshot, At("2026-11-20 09:00"), [DigestWarning.Of(calendar), DigestWarning.Operational(mailbox)]));

        var (operational, admin) = language == "zh" ? (mailbox.Zh, calendar.Message.Zh) : (mailbox.En, calendar.Message.En);
        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            var matrices = part.IndexOf(firstMatrix, StringComparison.Ordinal);
            part.IndexOf(operational, StringComparison.Ordinal).Should().BeInRange(0, matrices, "what MailOps failed at changes how to read everything below it");
            part.IndexOf(admin, StringComparison.Ordinal).Should().BeGreaterThan(matrices);
        }
    }

    [Theory]
    [InlineData("zh", "漏1 逾1 待5")]
    [InlineData("en", "MISS 1, OVER 1, WAIT 5")]
    public void Digest_AWeekCellOfSeveralStates_ShowsEachStatesCount(string language, string shown)
    {
        // The call center's week: Monday's daily missing, Tuesday's overdue, the other five not yet due.
        var week = Dailies("2026-11-23", 7);
        var statuses = new[] { ObligationStatus.Missing, ObligationStatus.Overdue }.Concat(Enumerable.Repeat(ObligationStatus.Pending, 5));
        var results = week.Zip(statuses, (o, s) => new ObligationResult(o, s, 0, s == ObligationStatus.Pending ? 0 : 5, [], null)).ToList();
        var notifier = Notifier(language);

        var view = Views(language).Digest(notifier.BuildDigest(Snapshot.Empty(At("2026-11-25 09:00")) with { Results = results }, At("2026-11-24 09:00"), []));

        var group = view.Matrices[1].Groups.Single();
        var callCenter = group.Rows.Single(r => r.Unit == (language == "zh" ? "集团呼叫中心" : "Group Call Center"));
        callCenter.Cells[group.Columns.ToList().IndexOf(language == "zh" ? "呼叫中心信息日报" : "Call center daily report")].Symbol.Should().Be(shown);
    }

    [Theory]
    [InlineData("zh", "数字为")]
    [InlineData("en", "A number")]
    public void RenderDigest_TheLegend_SaysTheNumberCountsTheReportsInThatState(string language, string legend)
    {
        var notifier = Notifier(language);

        var mail = notifier.RenderDigest(notifier.PreviewDigest(Snapshot.Empty(At(Morning))));

        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            var said = part[part.IndexOf(legend, StringComparison.Ordinal)..];
            said.Should().NotContain(language == "zh" ? "报送次数" : "number of submissions");
            said.Should().Contain(language == "zh" ? "处于该状态" : "in that state");
        }
    }

    [Theory]
    [InlineData("zh", new[] { "工地开放 11月21日", "工地开放 11月22日", "11月21日–22日工地开放", "第47周（11.16–11.22）" })]
    [InlineData("en", new[] { "site open, 21 Nov", "site open, 22 Nov", "site open, 21–22 Nov", "week 47 (16–22 Nov)" })]
    public void PreviewDigest_OfTheSampleMonth_NamesThePeriodsOfItsFaultsInPeoplesWords(string language, string[] periods)
    {
        var notifier = Notifier(language);

        var mail = notifier.RenderDigest(notifier.PreviewDigest(sample.Judge(At("2026-11-23 19:00"))));

        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            part.Should().ContainAll(periods);
            part.Should().NotContain("cs-2026-11-site-open").And.NotContain("2026-W47");
        }
    }

    [Theory]
    [InlineData("zh", "2026-11-23 09:00", "上一工作日以来（11月20日–22日）", "本周 · 第48周（11.23–11.29）")]
    [InlineData("en", "2026-11-23 09:00", "Since the last working day (20–22 Nov)", "This week · week 48 (23–29 Nov)")]
    [InlineData("zh", "2026-11-24 09:00", "上一工作日（11月23日）", "本周 · 第48周（11.23–11.29）")]
    public void Digest_TheMatrixTitles_NameTheirDaysAndWeekInPeoplesWords(string language, string morning, string lastWorkingDay, string week)
    {
        var view = Views(language).Digest(Notifier(language).PreviewDigest(Snapshot.Empty(At(morning))));

        view.Matrices.Select(m => m.Title).Should().Equal(lastWorkingDay, week);
    }

    [Theory]
    [InlineData("zh", "抄送缺少：物业公司董事长和总经理", "主题同时符合多种报告：呼叫中心信息周报、呼叫中心信息月报")]
    [InlineData("en", "CC is missing property company chair and GM", "the subject fits several reports: Call center weekly report, Call center monthly report")]
    public void PreviewDigest_OfTheSampleMonth_NamesRolesAndReportsNotTheirKeys(string language, string role, string reports)
    {
        var notifier = Notifier(language);

        var mail = notifier.RenderDigest(notifier.PreviewDigest(sample.Judge(At("2026-11-23 19:00"))));

        foreach (var part in new[] { WebUtility.HtmlDecode(mail.Html), mail.Text })
        {
            part.Should().Contain(role).And.Contain(reports);
            part.Should().NotContain("(property.chair-gm)").And.NotContain("(group.engineering)").And.NotContain("callcenter-weekly");
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void RenderDigest_HasNoFixedWidthWiderThanOutlooksReadingPane(string language)
    {
        var html = SampleDigest(language).Html;

        var widths = System.Text.RegularExpressions.Regex.Matches(html, @"(?:\bwidth=""(\d+)""|(?<![-\w])width:\s*(\d+)px|min-width:\s*(\d+)px)")
            .Select(m => int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value, CultureInfo.InvariantCulture));

        widths.Should().OnlyContain(w => w <= 680, "Outlook's reading pane is about 700 to 760 pixels wide");
        html.Should().Contain("max-width:680px");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void RenderDigest_EveryColouredElement_IsACellWithABgcolorOfItsColour(string language)
    {
        var document = new HtmlAgilityPack.HtmlDocument();
        document.LoadHtml(SampleDigest(language).Html);

        var coloured = document.DocumentNode.Descendants()
            .Where(n => n.NodeType == HtmlAgilityPack.HtmlNodeType.Element)
            .Select(n => (Node: n, Colour: System.Text.RegularExpressions.Regex.Match(n.GetAttributeValue("style", ""), @"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})")))
            .Where(c => c.Colour.Success)
            .ToList();

        coloured.Should().NotBeEmpty();
        foreach (var (node, colour) in coloured)
        {
            node.Name.Should().BeOneOf(["td", "th", "table", "body"], "Outlook paints a background only on cells and tables: {0}", node.OuterHtml[..Math.Min(120, node.OuterHtml.Length)]);
            node.GetAttributeValue("bgcolor", "").Should().BeEquivalentTo(colour.Groups[1].Value, "Outlook ignores much CSS: {0}", node.OuterHtml[..Math.Min(120, node.OuterHtml.Length)]);
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void RenderDigest_EachFault_ReadsTopToBottomInOneCell(string language)
    {
        var notifier = Notifier(language);
        var digest = notifier.PreviewDigest(sample.Judge(At("2026-11-23 19:00")));
        var faults = Views(language).Digest(digest).Faults;
        var document = new HtmlAgilityPack.HtmlDocument();
        document.LoadHtml(notifier.RenderDigest(digest).Html);

        // The innermost cells: the layout's outer cells hold everything.
        var cells = document.DocumentNode.Descendants("td").Where(td => !td.Descendants("td").Any()).Select(td => WebUtility.HtmlDecode(td.InnerText)).ToList();

        faults.Should().HaveCount(5);
        foreach (var fault in faults)
        {
            cells.Should().Contain(c => c.Contains(fault.Unit) && c.Contains(fault.Report) && c.Contains(fault.Period) && c.Contains(fault.Status) && c.Contains(fault.Detail), "a fault is read as one block, not across a wide table");
        }
    }

    [Fact]
    public void Digest_EachMatrix_IsSplitByKindOfUnit_EachPartWithOnlyTheReportsItsUnitsOwe()
    {
        var regime = ShippedRegime.Regime;
        var week = Views("zh").Digest(Notifier("zh").PreviewDigest(sample.Judge(At("2026-11-23 19:00")))).Matrices[1];

        week.Groups.Select(g => g.Name).Should().Equal("呼叫中心", "物业公司房屋保修部", "城市公司客户关系部");
        week.Groups.Select(g => g.Rows.Count).Should().Equal(1, 4, 7);
        week.Groups[0].Columns.Should().Equal("呼叫中心信息日报", "呼叫中心信息周报");
        week.Groups[1].Columns.Should().Equal("房屋保修部周报");
        foreach (var group in week.Groups)
        {
            Enumerable.Range(0, group.Columns.Count).Should().OnlyContain(i => group.Rows.Any(r => r.Cells[i].Symbol != ""), "a column no unit of {0} owes is left out", group.Name);
            group.Rows.Should().OnlyContain(r => r.Cells.Count == group.Columns.Count);
        }
    }

    private RenderedMail SampleDigest(string language)
    {
        var notifier = Notifier(language);
        return notifier.RenderDigest(notifier.PreviewDigest(sample.Judge(At("2026-11-23 19:00"))));
    }

    private static List<Compliance.Deadlines.Obligation> Dailies(string monday, int days) =>
        [.. new Compliance.Deadlines.ObligationGenerator(ShippedRegime.Regime)
            .Generate(DateOnly.Parse(monday, CultureInfo.InvariantCulture), DateOnly.Parse(monday, CultureInfo.InvariantCulture).AddDays(days - 1), "callcenter")
            .Where(o => o.ReportId == "callcenter-daily")];

    private static ViewBuilder Views(string language) =>
        new(ShippedRegime.Regime, ShippedSettings.Assessment().Scoring, language, "reports@hq.example.com");

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Notifier Notifier(string language)
    {
        var options = ShippedSettings.Notifications();
        options.Language = language;
        return new Notifier(ShippedRegime.Regime, options, ShippedSettings.Assessment(), Renderer, "reports@hq.example.com");
    }

    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
