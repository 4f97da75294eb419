using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>001-029: every report of the catalog once, complete, correctly addressed and on time.</summary>
internal static class EveryReport
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        yield return n.Case("callcenter-daily", "call-center daily report, full date in the subject, sent at 20:40 before the 21:00 deadline")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月23日")
            .Subject("呼叫中心信息日报（2026-11-23）").At(T(2026, 11, 23, 20, 40, 12))
            .Matched("2026-11-23");

        yield return n.Case("callcenter-weekly", "call-center weekly report for ISO week 47, sent by the supervisor on the Monday after")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第47周")
            .Subject("呼叫中心信息周报（2026年第47周）").At(T(2026, 11, 23, 10, 12, 31))
            .Matched("2026-W47");

        yield return n.Case("callcenter-monthly", "call-center monthly report with its group-template workbook (sheet 月报, B3-B5 filled)")
            .Submit("callcenter", "callcenter-monthly").Intro("2026年11月")
            .Subject("呼叫中心信息月报（2026年11月）").At(T(2026, 11, 30, 15, 20, 5))
            .Matched("2026-11");

        yield return n.Case("warranty-weekly", "home warranty weekly report with one row per project and a total row")
            .Submit("wy-cq-warranty", "warranty-weekly").Intro("2026年第47周").Layout(TableLayout.PerProject)
            .Subject("重庆物业房屋保修部周报（2026年第47周）").At(T(2026, 11, 23, 16, 5, 44))
            .Matched("2026-W47");

        yield return n.Case("warranty-monthly", "home warranty monthly report with its workbook, to four To roles and five CC roles")
            .Submit("wy-sc-warranty", "warranty-monthly").Intro("2026年11月")
            .Subject("四川物业房屋保修部月报（2026年11月）").At(T(2026, 11, 30, 16, 40, 18))
            .Matched("2026-11");

        yield return n.Case("crm-meeting-minutes", "CRM meeting minutes (docx); the subject's day names the meeting held that day")
            .Submit("cq-crm", "crm-meeting-minutes").Intro("2026年11月23日")
            .Subject("重庆公司客户关系部例会纪要（2026年11月23日）").At(T(2026, 11, 23, 17, 30, 2))
            .Matched("cq-2026-11-23-crm-meeting");

        yield return n.Case("holiday-duty-summary", "long-holiday duty summary on the first working day after National Day; the period is inferred as the holiday")
            .Submit("cd-crm", "holiday-duty-summary").Intro("国庆长假")
            .Subject("成都公司客户关系部国庆长假值班总结").At(T(2026, 10, 8, 10, 26, 37))
            .Matched("2026-national-day");

        yield return n.Case("joint-review-summary", "joint drawing review summary two days after the review; the period is inferred as the review event")
            .Submit("cq-crm", "joint-review-summary").Intro("二期施工图")
            .Subject("天元府二期施工图联合审图总结").At(T(2026, 11, 12, 16, 20, 9))
            .Matched("cq-2026-11-joint-drawing-review");

        yield return n.Case("showflat-risk-check", "show-flat risk check sent the day before it is due (10 days before the opening)")
            .Submit("cd-crm", "showflat-risk-check").Intro("营销中心及样板间开放前")
            .Subject("锦江苑营销中心及样板间开放前风险检查报告").At(T(2026, 11, 17, 15, 0, 48))
            .Matched("cd-2026-11-showflat-opening");

        yield return n.Case("sales-opening-risk-check", "sales-opening risk check within the week before it is due")
            .Submit("zz-crm", "sales-opening-risk-check").Intro("首期开盘前")
            .Subject("中原府首期开盘前风险检查报告").At(T(2026, 11, 24, 11, 3, 27))
            .Matched("zz-2026-12-sales-opening");

        yield return n.Case("delivery-mock-acceptance", "SMS-channel delivery mock-acceptance report sent by mail; classified normally, the 5th weekly report before the delivery")
            .Submit("sz-crm", "delivery-mock-acceptance").Intro("本周")
            .Subject("姑苏府交付模拟验收及整改进度报告").At(T(2026, 11, 23, 16, 30, 51))
            .Matched("sz-2026-12-delivery#5");

        yield return n.Case("site-open-risk-check", "site-open risk check the day before it is due")
            .Submit("cs-crm", "site-open-risk-check").Intro("三期")
            .Subject("湘江湾三期工地开放前风险检查报告").At(T(2026, 11, 10, 18, 20, 13))
            .Matched("cs-2026-11-site-open");

        yield return n.Case("site-open-plan", "site-open plan within the week before it is due")
            .Submit("cs-crm", "site-open-plan", submitter: 1).Intro("三期")
            .Subject("湘江湾三期工地开放方案").At(T(2026, 11, 9, 17, 45, 30))
            .Matched("cs-2026-11-site-open");

        yield return n.Case("site-open-daily", "site-open daily report for the first open day, month and day in the subject")
            .Submit("cs-crm", "site-open-daily").Intro("11月21日")
            .Subject("湘江湾三期工地开放日报（11月21日）").At(T(2026, 11, 21, 20, 15, 6))
            .Matched("cs-2026-11-site-open@2026-11-21");

        yield return n.Case("site-open-flash", "site-open flash report the morning after the open days")
            .Submit("cs-crm", "site-open-flash").Intro("三期")
            .Subject("湘江湾三期工地开放快报").At(T(2026, 11, 23, 10, 30, 41))
            .Matched("cs-2026-11-site-open");

        yield return n.Case("delivery-risk-check", "pre-delivery risk check the day before it is due (30 days before the delivery)")
            .Submit("sz-crm", "delivery-risk-check").Intro("一期")
            .Subject("姑苏府一期交付风险检查报告").At(T(2026, 11, 25, 17, 10, 22))
            .Matched("sz-2026-12-delivery");

        yield return n.Case("delivery-plan", "centralised delivery plan from the unit's second project customer manager")
            .Submit("sz-crm", "delivery-plan", submitter: 1).Intro("一期")
            .Subject("姑苏府一期集中交付方案").At(T(2026, 11, 25, 17, 20, 3))
            .Matched("sz-2026-12-delivery");

        yield return n.Case("delivery-daily", "delivery daily report on the first delivery day, full date in the subject")
            .Submit("sz-crm", "delivery-daily").Intro("2026年12月26日")
            .Subject("姑苏府一期集中交付日报（2026年12月26日）").At(T(2026, 12, 26, 20, 30, 59))
            .Matched("sz-2026-12-delivery@2026-12-26");

        yield return n.Case("delivery-flash", "delivery flash report the day after the delivery ends")
            .Submit("sz-crm", "delivery-flash").Intro("一期")
            .Subject("姑苏府一期集中交付快报").At(T(2026, 12, 28, 11, 5, 16))
            .Matched("sz-2026-12-delivery");

        yield return n.Case("customer-event-flash", "customer activity flash report the morning after the activity")
            .Submit("wx-crm", "customer-event-flash").Intro("业主秋季亲子活动")
            .Subject("太湖院业主秋季亲子活动客户活动快报").At(T(2026, 11, 15, 10, 20, 37))
            .Matched("wx-2026-11-customer-activity");

        yield return n.Case("crm-monthly", "customer relations monthly report with its workbook, year and month in the subject")
            .Submit("zz-crm", "crm-monthly").Intro("2026年11月")
            .Subject("郑州公司客户关系月报（2026年11月）").At(T(2026, 11, 27, 16, 0, 29))
            .Matched("2026-11");

        yield return n.Case("site-open-summary", "site-open summary within three days after the open days")
            .Submit("cs-crm", "site-open-summary").Intro("三期")
            .Subject("湘江湾三期工地开放总结").At(T(2026, 11, 24, 15, 40, 55))
            .Matched("cs-2026-11-site-open");

        yield return n.Case("delivery-summary", "delivery summary within three days after the delivery")
            .Submit("sz-crm", "delivery-summary").Intro("一期")
            .Subject("姑苏府一期集中交付总结").At(T(2026, 12, 29, 16, 0, 7))
            .Matched("sz-2026-12-delivery");

        yield return n.Case("hot-complaint", "hot complaint report five hours after the complaint, from the second project customer manager")
            .Submit("cq-crm", "hot-complaint", submitter: 1)
            .Subject("【热点投诉】天元府地下车库渗水").At(T(2026, 11, 12, 15, 30, 24))
            .Matched("cq-2026-11-complaint-hot");

        yield return n.Case("major-complaint", "major complaint report within 12 hours of the complaint")
            .Submit("cd-crm", "major-complaint")
            .Subject("【重大投诉】锦江苑业主聚集投诉交付标准").At(T(2026, 11, 25, 22, 35, 49))
            .Matched("cd-2026-11-complaint-major");

        yield return n.Case("defect-feedback-quarterly", "quarterly defect feedback with its workbook (sheet 季报), year and quarter in the subject")
            .Submit("sz-crm", "defect-feedback-quarterly").Intro("2026年第三季度")
            .Subject("苏州公司2026年第三季度缺陷反馈季报").At(T(2026, 10, 9, 10, 0, 33))
            .Matched("2026-Q3");

        yield return n.Case("compensation-quarterly", "quarterly compensation report to six group departments, on the first working day after National Day")
            .Submit("cq-crm", "compensation-quarterly").Intro("2026年第三季度")
            .Subject("重庆公司2026年第三季度客户赔偿季报").At(T(2026, 10, 8, 15, 0, 12))
            .Matched("2026-Q3");

        yield return n.Case("complaint-analysis-monthly", "opt-in complaint analysis from Nanjing, the unit that includes it")
            .Submit("nj-crm", "complaint-analysis-monthly").Intro("2026年10月")
            .Subject("南京公司2026年10月客户投诉分析报告").At(T(2026, 11, 4, 16, 30, 8))
            .Matched("2026-10");

        yield return n.Case("project-progress-monthly-not-owed", "opt-in project progress report from Chongqing, which does not include it: not owed, period from the subject")
            .Submit("cq-crm", "project-progress-monthly").Intro("2026年11月")
            .Subject("重庆公司2026年11月项目工程进度情况").At(T(2026, 11, 27, 15, 12, 40))
            .NonMatch(Kinds.NotOwed, "project-progress-monthly", "cq-crm", "2026-11");
    }
}
