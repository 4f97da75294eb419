using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// 030-079: every subject date form of docs/parsing.md §3, read as the report's kind of period, and the periods
/// inferred from the received instant when the subject has none (or none that fits).
/// </summary>
internal static class SubjectDates
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        // Date ranges: the first day, then the ISO week that holds it.
        yield return n.Case("range-iso-dates-zhi", "range 2026-11-16至2026-11-22 in a weekly report: the week of its first day")
            .Submit("callcenter", "callcenter-weekly").Intro("11月16日至11月22日")
            .Subject("呼叫中心信息周报 2026-11-16至2026-11-22").At(T(2026, 11, 23, 9, 40, 26))
            .Matched("2026-W47");

        yield return n.Case("range-chinese-dates-dash", "range 2026年11月16日-11月22日 (year only on the first day)")
            .Submit("wy-hz-warranty", "warranty-weekly").Intro("11月16日-11月22日")
            .Subject("华中物业房屋保修部周报（2026年11月16日-11月22日）").At(T(2026, 11, 23, 15, 10, 3))
            .Matched("2026-W47");

        yield return n.Case("range-dotted", "dotted range 11.16-11.22 without a year: the year nearest the received date")
            .Submit("wy-sc-warranty", "warranty-weekly").Intro("11.16-11.22")
            .Subject("房屋保修部周报 11.16-11.22").At(T(2026, 11, 23, 14, 30, 47))
            .Matched("2026-W47");

        yield return n.Case("range-slashes-fullwidth-tilde", "range 2026/11/16～2026/11/22 with a full-width tilde (NFKC makes it ~)")
            .Submit("wy-hd-warranty", "warranty-weekly").Intro("11月16日～11月22日")
            .Subject("华东物业房屋保修部周报（2026/11/16～2026/11/22）").At(T(2026, 11, 23, 16, 45, 12))
            .Matched("2026-W47");

        yield return n.Case("range-dao", "range 2026年11月16日到11月22日 with 到")
            .Submit("wy-cq-warranty", "warranty-weekly").Intro("11月16日到11月22日")
            .Subject("重庆物业房屋保修部周报 2026年11月16日到11月22日").At(T(2026, 11, 23, 11, 20, 38))
            .Matched("2026-W47");

        // Full dates in each separator style.
        yield return n.Case("full-date-chinese", "full date 2026年11月22日 on a Sunday")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月22日")
            .Subject("呼叫中心信息日报 2026年11月22日").At(T(2026, 11, 22, 20, 35, 9))
            .Matched("2026-11-22");

        yield return n.Case("full-date-slashes", "full date 2026/11/21")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月21日")
            .Subject("呼叫中心信息日报 2026/11/21").At(T(2026, 11, 21, 20, 48, 40))
            .Matched("2026-11-21");

        yield return n.Case("full-date-dots", "full date 2026.11.20 right after the report name")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月20日")
            .Subject("呼叫中心信息日报2026.11.20").At(T(2026, 11, 20, 20, 31, 17))
            .Matched("2026-11-20");

        // Weeks.
        yield return n.Case("year-week-iso", "year and ISO week 2026-W47")
            .Submit("wy-hz-warranty", "warranty-weekly").Intro("2026-W47")
            .Subject("房屋保修部周报 2026-W47").At(T(2026, 11, 23, 13, 55, 31))
            .Matched("2026-W47");

        yield return n.Case("week-of-month-digit", "11月第3周: the third ISO week whose Thursday is in November (16-22 November)")
            .Submit("callcenter", "callcenter-weekly").Intro("11月第3周")
            .Subject("呼叫中心信息周报（11月第3周）").At(T(2026, 11, 23, 11, 2, 54))
            .Matched("2026-W47");

        yield return n.Case("week-of-month-chinese-numeral", "11月第四周 with a Chinese numeral: 23-29 November, sent the Monday after")
            .Submit("callcenter", "callcenter-weekly").Intro("11月第四周")
            .Subject("呼叫中心信息周报（11月第四周）").At(T(2026, 11, 30, 10, 5, 19))
            .Matched("2026-W48");

        yield return n.Case("week-of-month-spanning", "10月第1周 is 28 September to 4 October (its Thursday is 1 October), sent after the National Day holiday")
            .Submit("wy-sc-warranty", "warranty-weekly").Intro("10月第1周")
            .Subject("四川物业房屋保修部周报（10月第1周）").At(T(2026, 10, 8, 14, 0, 35))
            .Matched("2026-W40");

        yield return n.Case("iso-week-without-year", "第47周 without a year: the year nearest the received date")
            .Submit("wy-hd-warranty", "warranty-weekly").Intro("第47周")
            .Subject("房屋保修部周报（第47周）").At(T(2026, 11, 23, 15, 33, 8))
            .Matched("2026-W47");

        yield return n.Case("iso-week-53-in-january", "第53周 received on 4 January 2027: 2026 has 53 ISO weeks, the nearest is 2026-W53")
            .Submit("callcenter", "callcenter-weekly").Intro("第53周")
            .Subject("呼叫中心信息周报 第53周").At(T(2027, 1, 4, 10, 0, 42))
            .Matched("2026-W53");

        // Month and day.
        yield return n.Case("month-day-chinese", "month and day 11月19日 without a year")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("11月19日")
            .Subject("呼叫中心信息日报（11月19日）").At(T(2026, 11, 19, 20, 42, 33))
            .Matched("2026-11-19");

        yield return n.Case("month-day-dotted", "dotted month and day 11.18")
            .Submit("callcenter", "callcenter-daily").Intro("11月18日")
            .Subject("呼叫中心信息日报 11.18").At(T(2026, 11, 18, 20, 37, 1))
            .Matched("2026-11-18");

        yield return n.Case("month-day-across-new-year", "12月31日 received 35 minutes into 2027: the nearest year is 2026")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("12月31日")
            .Subject("呼叫中心信息日报（12月31日）").At(T(2027, 1, 1, 0, 35, 14))
            .Matched("2026-12-31");

        // Quarters.
        yield return n.Case("year-quarter-no-di", "year and quarter 2026年三季度 (without 第)")
            .Submit("cq-crm", "defect-feedback-quarterly").Intro("2026年三季度")
            .Subject("重庆公司2026年三季度缺陷反馈季报").At(T(2026, 10, 9, 9, 45, 50))
            .Matched("2026-Q3");

        yield return n.Case("year-quarter-compact", "year and quarter 2026Q3")
            .Submit("cd-crm", "compensation-quarterly").Intro("2026Q3")
            .Subject("成都公司客户赔偿季报2026Q3").At(T(2026, 10, 8, 16, 22, 7))
            .Matched("2026-Q3");

        yield return n.Case("year-quarter-dash", "year and quarter 2026-Q3")
            .Submit("zz-crm", "defect-feedback-quarterly").Intro("2026-Q3")
            .Subject("缺陷反馈季报（2026-Q3）").At(T(2026, 10, 9, 11, 12, 29))
            .Matched("2026-Q3");

        yield return n.Case("quarter-di", "quarter 第三季度 without a year: the latest third quarter begun by the received date")
            .Submit("cs-crm", "compensation-quarterly").Intro("第三季度")
            .Subject("长沙公司第三季度客户赔偿季报").At(T(2026, 10, 8, 17, 3, 44))
            .Matched("2026-Q3");

        yield return n.Case("quarter-bare", "quarter 三季度 without a year")
            .Submit("wx-crm", "defect-feedback-quarterly").Intro("三季度")
            .Subject("无锡公司三季度缺陷反馈季报").At(T(2026, 10, 9, 14, 26, 5))
            .Matched("2026-Q3");

        yield return n.Case("quarter-q", "quarter Q3 without a year")
            .Submit("nj-crm", "compensation-quarterly").Intro("Q3")
            .Subject("南京公司客户赔偿季报（Q3）").At(T(2026, 10, 9, 15, 48, 21))
            .Matched("2026-Q3");

        yield return n.Case("quarter-across-new-year", "第四季度 received in January 2027: the fourth quarter of 2026")
            .Submit("nj-crm", "defect-feedback-quarterly").Intro("第四季度")
            .Subject("南京公司第四季度缺陷反馈季报").At(T(2027, 1, 4, 14, 10, 36))
            .Matched("2026-Q4");

        // Months.
        yield return n.Case("year-month-dash", "year and month 2026-11")
            .Submit("cq-crm", "crm-monthly").Intro("2026年11月")
            .Subject("客户关系月报（2026-11）").At(T(2026, 11, 27, 17, 8, 58))
            .Matched("2026-11");

        yield return n.Case("month-bare", "month 11月 without a year")
            .Submit("cd-crm", "crm-monthly").Intro("11月")
            .Subject("成都公司11月客户关系月报").At(T(2026, 11, 27, 18, 1, 12))
            .Matched("2026-11");

        yield return n.Case("month-fen", "month 10月份 without a year, received in November: October 2026")
            .Submit("nj-crm", "complaint-analysis-monthly").Intro("10月份")
            .Subject("10月份客户投诉分析报告").At(T(2026, 11, 3, 10, 44, 2))
            .Matched("2026-10");

        yield return n.Case("month-in-quarterly", "a month (2026年9月) in a quarterly report gives the quarter that holds it")
            .Submit("cs-crm", "defect-feedback-quarterly").Intro("截至2026年9月")
            .Subject("长沙公司缺陷反馈季报（截至2026年9月）").At(T(2026, 10, 9, 16, 35, 40))
            .Matched("2026-Q3");

        yield return n.Case("day-in-monthly", "a full date (the data cut-off 2026年11月28日) in a monthly report gives its month")
            .Submit("callcenter", "callcenter-monthly").Intro("2026年11月")
            .Subject("呼叫中心信息月报（数据截至2026年11月28日）").At(T(2026, 11, 30, 16, 2, 25))
            .Matched("2026-11");

        // Inferred from the received instant.
        yield return n.Case("inferred-daily-evening", "no date in the subject: a daily report received at 20:40 is that day's")
            .Submit("callcenter", "callcenter-daily").Intro("今日")
            .Subject("呼叫中心信息日报").At(T(2026, 11, 23, 20, 40, 12))
            .Matched("2026-11-23");

        yield return n.Case("inferred-weekly-monday", "no date: a weekly report received on Monday is the week that ended on Sunday")
            .Submit("callcenter", "callcenter-weekly").Intro("上周")
            .Subject("呼叫中心信息周报").At(T(2026, 11, 23, 10, 0, 3))
            .Matched("2026-W47");

        yield return n.Case("inferred-quarterly-january", "no date: a quarterly report received on 4 January 2027 is the fourth quarter's")
            .Submit("zz-crm", "compensation-quarterly").Intro("第四季度")
            .Subject("郑州公司客户赔偿季报").At(T(2027, 1, 4, 9, 30, 18))
            .Matched("2026-Q4");

        yield return n.Case("inferred-monthly-after-cutoff", "no date: a monthly report received on the 30th, after the data cut-off of the 28th")
            .Submit("wy-hz-warranty", "warranty-monthly").Intro("本月")
            .Subject("华中物业房屋保修部月报").At(T(2026, 11, 30, 16, 10, 51))
            .Matched("2026-11");

        yield return n.Case("inferred-window-day", "no date: a site-open daily report received on the second open day")
            .Submit("cs-crm", "site-open-daily", submitter: 1).Intro("今日")
            .Subject("湘江湾三期工地开放日报").At(T(2026, 11, 22, 20, 20, 30))
            .Matched("cs-2026-11-site-open@2026-11-22");

        yield return n.Case("inferred-meeting", "no date: meeting minutes received after that afternoon's meeting ended")
            .Submit("cd-crm", "crm-meeting-minutes").Intro("本周")
            .Subject("成都公司客户关系部例会会议纪要").At(T(2026, 11, 25, 17, 40, 6))
            .Matched("cd-2026-11-25-crm-meeting");

        yield return n.Case("inferred-before-window-opens", "risk check sent before its window opens (7 days before it is due): the next one due")
            .Submit("cd-crm", "showflat-risk-check").Intro("样板间开放前")
            .Subject("锦江苑样板间开放前风险检查报告").At(T(2026, 11, 10, 16, 0, 27))
            .Matched("cd-2026-11-showflat-opening");

        yield return n.Case("subject-day-outside-event", "the subject's day (the sending day) is not a day of the event: the period is inferred instead")
            .Submit("cs-crm", "site-open-risk-check", submitter: 1).Intro("2026年11月10日")
            .Subject("工地开放前风险检查报告（2026年11月10日）").At(T(2026, 11, 10, 19, 5, 43))
            .Matched("cs-2026-11-site-open");

        yield return n.Case("full-width-digits", "full-width digits and dashes ２０２６－１１－１７ (NFKC)")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月17日")
            .Subject("呼叫中心信息日报（２０２６－１１－１７）").At(T(2026, 11, 17, 20, 33, 11))
            .Matched("2026-11-17");

        yield return n.Case("inferred-local-midnight-utc-trace", "Received dated 16:20 UTC on 23 Nov is 00:20 on 24 Nov in China: the daily report inferred is the 24th's")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("今日")
            .Subject("呼叫中心信息日报").At(T(2026, 11, 24, 0, 20, 5)).UtcTrace()
            .Matched("2026-11-24");

        yield return n.Case("event-day-month-day", "hot complaint with the complaint's day 12月8日 in the subject")
            .Submit("nj-crm", "hot-complaint")
            .Subject("【重要投诉】金陵府业主投诉外立面与宣传不符（12月8日）").At(T(2026, 12, 8, 21, 10, 32))
            .Matched("nj-2026-12-complaint-hot");
    }
}
