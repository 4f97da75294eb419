using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>The ids in texts parsing stores, put in people's words under the shipped regime.</summary>
public sealed class PeopleWordsTests
{
    private static readonly PeopleWords Words = new(ShippedRegime.Regime);

    public static TheoryData<string, string, bool, string> Rows => new()
    {
        { "a role key after its name", "抄送缺少：物业公司董事长和总经理 (property.chair-gm)", true, "抄送缺少：物业公司董事长和总经理" },
        { "role keys after their names, in English", "To is missing group customer service (group.cs), customer relations (city.crm)", false, "To is missing group customer service, customer relations" },
        { "a longer role key is not its shorter prefix", "主送缺少：客户关系部经理 (city.crm.manager)", true, "主送缺少：客户关系部经理" },
        { "a bare role key", "缺少 city.crm.manager", true, "缺少 客户关系部经理" },
        { "report ids in a Chinese sentence", "主题同时符合多种报告：callcenter-weekly、callcenter-monthly", true, "主题同时符合多种报告：呼叫中心信息周报、呼叫中心信息月报" },
        { "report ids in an English sentence joined the Chinese way", "the subject fits several reports: callcenter-weekly、callcenter-monthly", false, "the subject fits several reports: Call center weekly report, Call center monthly report" },
        { "report, unit and a day of an event's window", "回复中带有报告内容（site-open-daily，cs-crm，cs-2026-11-site-open@2026-11-21）", true, "回复中带有报告内容（工地开放日报，长沙公司客户关系部，工地开放 11月21日）" },
        { "an ISO week", "集团呼叫中心《呼叫中心信息周报》（2026-W47）的报送提醒", true, "集团呼叫中心《呼叫中心信息周报》（第47周（11.16–11.22））的报送提醒" },
        { "an event", "the nudge for cq-2026-11-30-crm-meeting", false, "the nudge for CRM meeting, 30 Nov" },
        { "an address holding a unit id", "发件人 chen.xue@callcenter.example.com 是内部地址", true, "发件人 chen.xue@callcenter.example.com 是内部地址" },
        { "a domain starting with a unit id", "from callcenter.example.com", false, "from callcenter.example.com" },
        { "dates and times", "应于 2026-11-23 21:00 前报送，2026-11-24 09:10 收到", true, "应于 2026-11-23 21:00 前报送，2026-11-24 09:10 收到" },
        { "nothing to name", "正文缺少必填项「待跟进问题数」", true, "正文缺少必填项「待跟进问题数」" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Of_ATextFromParsing_PutsPeoplesWordsForItsIds(string edge, string stored, bool zh, string shown)
    {
        Words.Of(stored, zh).Should().Be(shown, edge);
    }
}
