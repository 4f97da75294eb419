using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Events;

public sealed class EventRecognizerTests
{
    private static readonly Lazy<EventRecognizer> Shipped = new(() => new EventRecognizer(
        EventRulesLoader.Load(Support.Shipped.File("regime/event-rules.json"), Support.Shipped.Regime.Directory).Value!,
        Support.Shipped.Regime.Directory,
        RegimeZone.Shanghai));

    private static CalendarItem Item(string summary, string categories = "", string? organizer = "zhang.wei@cq.example.com", string attendees = "cs-dl@hq.example.com") => new(
        "uid-1",
        null,
        summary,
        Split(categories),
        organizer,
        Split(attendees),
        T("2026-11-23 09:30"),
        T("2026-11-23 11:00"),
        IsAllDay: false);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Each row: what it exercises; the item; the expected outcome as kind/unit/how, or the reason.</summary>
    public static TheoryData<string, CalendarItem, string> Rows() => new()
    {
        { "例会 from a CRM submitter", Item("重庆客户关系部部门例会"), "recognised crm-meeting cq-crm Organizer" },
        { "重大投诉 beats 投诉", Item("天元府重大投诉处理沟通"), "recognised complaint-major cq-crm Organizer" },
        { "热点投诉", Item("热点投诉：地下车库渗水"), "recognised complaint-hot cq-crm Organizer" },
        { "集中交付", Item("一期集中交付"), "recognised delivery cq-crm Organizer" },
        { "交付 alone is delivery too", Item("二期交付"), "recognised delivery cq-crm Organizer" },
        { "交房, the spoken word", Item("三期集中交房"), "recognised delivery cq-crm Organizer" },
        { "样板间开放", Item("营销中心及样板间开放"), "recognised showflat-opening cq-crm Organizer" },
        { "案场开放", Item("锦江苑案场开放"), "recognised showflat-opening cq-crm Organizer" },
        { "开盘", Item("中原府首期开盘"), "recognised sales-opening cq-crm Organizer" },
        { "联合审图", Item("二期施工图联合审图"), "recognised joint-drawing-review cq-crm Organizer" },
        { "工地开放 beats 例会 (precedence by file order)", Item("三期工地开放筹备例会"), "recognised site-open cq-crm Organizer" },
        { "客户活动", Item("业主秋季亲子客户活动"), "recognised customer-activity cq-crm Organizer" },
        { "traditional 業主活動", Item("業主活動"), "recognised customer-activity cq-crm Organizer" },
        { "traditional 例會", Item("部門例會"), "recognised crm-meeting cq-crm Organizer" },
        { "full-width and spaces fold", Item("　部门例会　"), "recognised crm-meeting cq-crm Organizer" },
        { "a category names the kind before the subject", Item("天元府三期", categories: "工地开放"), "recognised site-open cq-crm Organizer" },
        { "a category beats a subject word of another kind", Item("客户关系部例会", categories: "客户活动"), "recognised customer-activity cq-crm Organizer" },
        { "a category naming a unit beats the organizer", Item("开盘", categories: "成都客关"), "recognised sales-opening cd-crm Category" },
        { "a unit's Chinese name as category", Item("开盘", categories: "南京公司客户关系部"), "recognised sales-opening nj-crm Category" },
        { "a unit's id as category", Item("开盘", categories: "wx-crm"), "recognised sales-opening wx-crm Category" },
        { "the organizer through a unit role (city.crm)", Item("开盘", organizer: "crm@cs.example.com"), "recognised sales-opening cs-crm Organizer" },
        { "the organizer's address in another case", Item("开盘", organizer: "Zhang.Wei@CQ.example.com"), "recognised sales-opening cq-crm Organizer" },
        { "an organizer of another kind of unit; the attendee decides", Item("开盘", organizer: "chen.xue@callcenter.example.com", attendees: "cs-dl@hq.example.com, yuan.shan@cd.example.com"), "recognised sales-opening cd-crm Attendee" },
        { "no organizer; two attendees of one unit", Item("开盘", organizer: null, attendees: "wu.tingting@cq.example.com, ma.chao@cq.example.com"), "recognised sales-opening cq-crm Attendee" },
        { "a lunch", Item("部门午餐"), "ordinary" },
        { "a training", Item("新员工入职培训"), "ordinary" },
        { "投诉 alone: reads like an event, no kind", Item("业主投诉沟通会"), "unplaceable NoKind - cq-crm" },
        { "a hint and no unit", Item("样板间装修评审", organizer: "design@hq.example.com"), "unplaceable NoKind - -" },
        { "HQ's own invitation", Item("工地开放", organizer: "zhou.min@hq.example.com"), "unplaceable NoUnit site-open -" },
        { "HQ's own 例会 (headquartersKinds) is HQ's meeting, not a unit's", Item("11月客户服务工作月度例会", organizer: "tang.jianguo@hq.example.com", attendees: "cs-all@hq.example.com"), "ordinary" },
        { "HQ's 例会 with a unit's category is that unit's", Item("客服工作例会", categories: "成都客关", organizer: "zhou.min@hq.example.com"), "recognised crm-meeting cd-crm Category" },
        { "a 例会 from outside HQ naming no unit is held", Item("例会", organizer: "someone@outside.example.net", attendees: ""), "unplaceable NoUnit crm-meeting -" },
        { "an outside organizer", Item("工地开放", organizer: "someone@outside.example.net", attendees: ""), "unplaceable NoUnit site-open -" },
        { "a submitter of another kind only", Item("开盘", organizer: "chen.xue@callcenter.example.com"), "unplaceable NoUnit sales-opening -" },
        { "attendees of two units", Item("开盘", organizer: "zhou.min@hq.example.com", attendees: "wu.tingting@cq.example.com, yuan.shan@cd.example.com"), "unplaceable SeveralUnits sales-opening cd-crm,cq-crm" },
        { "categories naming two units", Item("开盘", categories: "重庆客关, 成都客关"), "unplaceable SeveralUnits sales-opening cd-crm,cq-crm" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Recognize_Row_GivesItsOutcome(string label, CalendarItem item, string expected)
    {
        var outcome = Shipped.Value.Recognize(item) switch
        {
            EventRecognition.Recognised r => $"recognised {r.Event.Kind} {r.Event.UnitId} {r.Placement.By}",
            EventRecognition.Unplaceable u => $"unplaceable {u.Reason} {u.Kind?.Kind ?? "-"} {(u.Units.Count == 0 ? "-" : string.Join(",", u.Units))}",
            EventRecognition.Ordinary => "ordinary",
            _ => throw new InvalidOperationException(),
        };

        outcome.Should().Be(expected, label);
    }

    [Fact]
    public void Recognize_AnItemThatDoesNotRecur_IsTheUidAlone()
    {
        var recognised = Shipped.Value.Recognize(Item("开盘")).Should().BeOfType<EventRecognition.Recognised>().Subject;

        recognised.Event.Should().Be(new ProjectEvent("ical:uid-1", "cq-crm", "", "sales-opening", T("2026-11-23 09:30"), T("2026-11-23 11:00"), "开盘"));
    }

    [Fact]
    public void Recognize_AMovedOccurrence_KeepsTheIdOfItsRecurrenceId()
    {
        var moved = Item("部门例会") with { RecurrenceId = T("2026-11-23 09:30"), Start = T("2026-11-24 14:00"), End = T("2026-11-24 15:30") };

        var recognised = (EventRecognition.Recognised)Shipped.Value.Recognize(moved);

        recognised.Event.Id.Should().Be("ical:uid-1@2026-11-23T0930");
        recognised.Event.Start.Should().Be(T("2026-11-24 14:00"));
    }

    [Fact]
    public void Recognize_AnOccurrenceInUtc_IsNamedByItsShanghaiTime()
    {
        var item = Item("部门例会") with { RecurrenceId = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero) };

        ((EventRecognition.Recognised)Shipped.Value.Recognize(item)).Event.Id.Should().Be("ical:uid-1@2026-11-23T0930");
    }

    [Theory]
    [InlineData("an all-day window: DTEND is exclusive", true, "2026-11-21 00:00", "2026-11-24 00:00", "2026-11-23 23:59:59")]
    [InlineData("one all-day day", true, "2026-11-21 00:00", "2026-11-22 00:00", "2026-11-21 23:59:59")]
    [InlineData("an all-day item without an end", true, "2026-11-21 00:00", "2026-11-21 00:00", "2026-11-21 23:59:59")]
    [InlineData("a timed item ending at midnight keeps to its day", false, "2026-11-21 14:00", "2026-11-22 00:00", "2026-11-21 23:59:59")]
    [InlineData("a timed item", false, "2026-11-21 14:00", "2026-11-21 17:00", "2026-11-21 17:00")]
    [InlineData("a timed item without an end", false, "2026-11-21 14:00", "2026-11-21 14:00", "2026-11-21 14:00")]
    public void Recognize_TheEnd_IsTheEventsLastInstant(string label, bool allDay, string start, string end, string expected)
    {
        var item = Item("三期工地开放") with { Start = T(start), End = T(end), IsAllDay = allDay };

        ((EventRecognition.Recognised)Shipped.Value.Recognize(item)).Event.End.Should().Be(T(expected), label);
    }

    [Fact]
    public void Recognize_AnAllDayOccurrence_IsNamedByItsDate()
    {
        var item = Item("工地开放") with { RecurrenceId = T("2026-11-21 00:00"), Start = T("2026-11-21 00:00"), End = T("2026-11-24 00:00"), IsAllDay = true };

        ((EventRecognition.Recognised)Shipped.Value.Recognize(item)).Event.Id.Should().Be("ical:uid-1@2026-11-21");
    }

    [Fact]
    public void Recognize_AnUnplaceableItem_SaysWhatWasRecognised()
    {
        var unplaceable = (EventRecognition.Unplaceable)Shipped.Value.Recognize(Item("三期工地开放", organizer: "zhou.min@hq.example.com"));

        unplaceable.Kind.Should().Be(new KindMatch("site-open", "工地开放", MatchSource.Summary, 4));
        unplaceable.Detail.En.Should().Contain("site-open").And.Contain("工地开放");
        unplaceable.Item.Summary.Should().Be("三期工地开放");
    }

    [Fact]
    public void MatchKind_TheFirstRuleInFileOrderWins_NotTheLongestWord()
    {
        var rules = new EventRules(default, [], [new KindRule("crm-meeting", ["例会"]), new KindRule("site-open", ["工地开放"])], [], new Dictionary<string, string>());

        rules.MatchKind("工地开放筹备例会", []).Should().Be(new KindMatch("crm-meeting", "例会", MatchSource.Summary, 0));
    }
}
