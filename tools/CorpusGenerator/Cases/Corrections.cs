using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>130-139: a report and its correction, both submissions of the same period.</summary>
internal static class Corrections
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        yield return n.Case("correction-original", "first send of the day's report with 咨询量 given as \"-\": incomplete")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月9日").Field("咨询量", "-")
            .Subject("呼叫中心信息日报（2026-11-09）").At(T(2026, 11, 9, 20, 35, 17))
            .Matched("2026-11-09", Kinds.Incomplete);

        yield return n.Case("correction-gengzheng", "【更正】 resend 17 minutes later with every field filled: a second submission of the same day")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月9日")
            .Subject("【更正】呼叫中心信息日报（2026-11-09）").At(T(2026, 11, 9, 20, 52, 3))
            .EditBody(b => b.Opening.Insert(0, "（更正：补充咨询量数据，以此版为准）"))
            .Matched("2026-11-09");

        yield return n.Case("correction-original-workbook", "first send of a monthly report whose workbook leaves 投诉关闭率 (B5) empty")
            .Submit("cs-crm", "crm-monthly").Intro("2026年11月").BlankCell("B5")
            .Subject("长沙公司客户关系月报（2026年11月）").At(T(2026, 11, 26, 15, 10, 39))
            .Matched("2026-11", Kinds.Incomplete);

        yield return n.Case("correction-gengzhengban-suffix", "（更正版） at the end of the subject the next morning: the same report and period")
            .Submit("cs-crm", "crm-monthly").Intro("2026年11月")
            .Subject("长沙公司客户关系月报（2026年11月）（更正版）").At(T(2026, 11, 27, 9, 30, 24))
            .Matched("2026-11");
    }
}
