using MailOps.Compliance;
using MailOps.CorpusGenerator.Cases;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;

namespace MailOps.ScaleMail;

/// <summary>
/// The mailbox's other mail, which must stay out of scoring: the group's notices to the units, its replies to reports
/// (a reply is screened out), out-of-office replies, outside newsletters, and the units' own work mail. Received on
/// working days in office hours mostly, spread evenly over the range.
/// </summary>
internal sealed class OrdinaryMail(Regime regime, Random random, DateTimeOffset from, DateTimeOffset end, IReadOnlyList<string> reportSubjects)
{
    private static readonly Signature GroupCs = new("周敏", "客户服务部主管", "集团客户服务部", "电话：023-6100 2288");

    private static readonly string[] Topics =
    [
        "客户满意度第三方调查", "物业服务品质巡检", "交付风险排查", "投诉台账月度核对", "客户活动安排", "重点项目维修进度",
        "年度客户服务工作计划", "客服系统账号清理", "节假日值班安排", "业主恳谈会组织",
    ];

    private readonly List<string> _units = [.. regime.Directory.Units.Select(u => u.Id)];

    public IEnumerable<Planned> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Instant();
            var unit = regime.Directory.FindUnit(_units[random.Next(_units.Count)])!;
            var person = unit.SubmitterAddresses.First();
            var topic = Topics[random.Next(Topics.Length)];
            var kind = random.Next(10);
            yield return kind switch
            {
                < 3 => Mail(at, "notice", P("cs@hq.example.com"), [P(person)], [], $"关于{topic}的通知（{at.Month}月）",
                    Bodies.Note(GroupCs, "各单位：", "", $"请于本月{1 + random.Next(27)}日前完成{topic}相关工作，并将结果反馈集团客户服务部。")),
                < 5 when reportSubjects.Count > 0 => Mail(at, "reply", P("cs@hq.example.com"), [P(person)], [], "RE: " + reportSubjects[random.Next(reportSubjects.Count)],
                    Bodies.Note(GroupCs, "您好：", "", "已收到，个别数据请核对后补充说明。")),
                < 6 => Mail(at, "auto-reply", P(person), [P("cs@hq.example.com")], [], $"自动回复: 关于{topic}的通知",
                    Bodies.Note(new Signature("", "", unit.Name.Zh, ""), $"您好，我于{at.Month}月{at.Day}日外出，期间邮件回复可能延迟，急事请致电。")),
                < 8 => Mail(at, "newsletter", new Person("物业管理周刊", "newsletter@wuye-weekly.example.org"), [P("cs@hq.example.com")], [],
                    $"《物业管理》电子周刊 第{1 + random.Next(52)}期：{topic}的五个误区",
                    Bodies.Note(new Signature("编辑部", "", "物业管理周刊", "退订请回复TD"), "本期导读：", $"1. {topic}的五个误区", "2. 业主满意度调查方法比较")),
                _ => Mail(at, "work", P(person), [P(regime.Directory.Resolve(unit, "group.cs")[0])], [], $"{unit.Name.Zh}{topic}情况汇报",
                    Bodies.Note(new Signature("", "", unit.Name.Zh, ""), "各位领导：", "", $"{topic}目前进展正常，详细情况见下周例会材料。")),
            };
        }
    }

    private static Planned Mail(DateTimeOffset at, string slug, Person sender, Person[] to, Person[] cc, string subject, BodyContent body) =>
        new(at, slug, "ordinary", number => new MailCase(number, slug, slug).From(sender).Recipients(to, cc).Subject(subject).Body(() => body)
            .At(at).Header("X-Received-At", ReportPlan.Iso(at)));

    /// <summary>A working day's office hours nine times in ten, any hour of any day otherwise.</summary>
    private DateTimeOffset Instant()
    {
        var first = regime.Zone.DateOf(from);
        var last = regime.Zone.DateOf(end);
        while (true)
        {
            var day = first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
            var office = random.Next(10) < 9;
            if (office && !regime.Calendar.IsWorkingDay(day))
            {
                continue;
            }

            var minutes = office ? 8 * 60 + random.Next(11 * 60) : random.Next(24 * 60);
            var at = regime.Zone.At(day, TimeOnly.MinValue).AddMinutes(minutes).AddSeconds(random.Next(60));
            if (at >= from && at <= end)
            {
                return at;
            }
        }
    }

    private static Person P(string address) => new(People.NameOf(address), address);
}
