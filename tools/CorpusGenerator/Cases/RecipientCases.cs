using MailOps.CorpusGenerator.Mime;
using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>140-159: To and CC roles resolved for the sender's unit; what is missing and what still counts.</summary>
internal static class RecipientCases
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        yield return n.Case("to-role-missing", "the To role property.butler-center is not addressed")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月8日").Drop("property.butler-center")
            .Subject("呼叫中心信息日报（2026-11-08）").At(T(2026, 11, 8, 20, 40, 51))
            .Matched("2026-11-08", Kinds.RecipientsMissing);

        yield return n.Case("cc-role-missing", "the CC role group.cs is neither in To nor in CC")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第45周").Drop("group.cs")
            .Subject("呼叫中心信息周报（2026年第45周）").At(T(2026, 11, 9, 10, 30, 8))
            .Matched("2026-W45", Kinds.RecipientsMissing);

        yield return n.Case("cc-role-in-to", "the CC role group.cs placed in To: a CC role found in To counts, no finding")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第46周").RoleInTo("group.cs")
            .Subject("呼叫中心信息周报（2026年第46周）").At(T(2026, 11, 16, 10, 20, 44))
            .Matched("2026-W46");

        yield return n.Case("to-role-only-in-cc", "the To role group.cs only in CC: a To role must be in To")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月7日").RoleInCc("group.cs")
            .Subject("呼叫中心信息日报（2026-11-07）").At(T(2026, 11, 7, 20, 36, 30))
            .Matched("2026-11-07", Kinds.RecipientsMissing);

        yield return n.Case("role-by-second-address", "group.cs addressed through its second address (a person, not the list): every address of a role satisfies it")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月6日").RoleAddress("group.cs", 1)
            .Subject("呼叫中心信息日报（2026-11-06）").At(T(2026, 11, 6, 20, 43, 2))
            .Matched("2026-11-06");

        yield return n.Case("wider-list-instead-of-role", "To the whole customer service department list (group.cs.all) instead of group.cs: lists are not expanded")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月5日").Drop("group.cs").AlsoTo(P("cs-all@hq.example.com"))
            .Subject("呼叫中心信息日报（2026-11-05）").At(T(2026, 11, 5, 20, 39, 12))
            .Matched("2026-11-05", Kinds.RecipientsMissing);

        yield return n.Case("unit-role-override-one-city", "the call center's own city.crm lists every city's CRM; one of them (Nanjing) satisfies the role")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第44周").RoleAddress("city.crm", 6)
            .Subject("呼叫中心信息周报（2026年第44周）").At(T(2026, 11, 2, 11, 4, 37))
            .Matched("2026-W44");

        yield return n.Case("several-roles-missing", "two roles missing (To city.project.lead, CC property.chair-gm): one recipients-missing finding kind")
            .Submit("wy-cq-warranty", "warranty-monthly").Intro("2026年11月").Drop("city.project.lead").Drop("property.chair-gm")
            .Subject("重庆物业房屋保修部月报（2026年11月）").At(T(2026, 11, 30, 16, 20, 15))
            .Matched("2026-11", Kinds.RecipientsMissing);

        yield return n.Case("missing-recipient-and-blank-field", "property.project.lead missing and 待跟进问题数 empty: both finding kinds")
            .Submit("cs-crm", "site-open-daily").Intro("2026年11月22日").Drop("property.project.lead").Field("待跟进问题数", "")
            .Subject("湘江湾三期工地开放日报（2026年11月22日）").At(T(2026, 11, 22, 20, 40, 9))
            .Matched("cs-2026-11-site-open@2026-11-22", Kinds.Incomplete, Kinds.RecipientsMissing);

        yield return n.Case("from-address-mixed-case", "From Chen.Xue@CallCenter.Example.com: submitter addresses match case-insensitively")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月4日")
            .From(new Person("陈雪", "Chen.Xue@CallCenter.Example.com"))
            .Subject("呼叫中心信息日报（2026-11-04）").At(T(2026, 11, 4, 20, 37, 45))
            .Matched("2026-11-04");

        yield return n.Case("recipient-address-upper-case", "group.cs written CS-DL@HQ.Example.COM: role addresses match case-insensitively")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月3日").Drop("group.cs")
            .AlsoTo(new Person("集团客户服务部", "CS-DL@HQ.Example.COM"))
            .Subject("呼叫中心信息日报（2026-11-03）").At(T(2026, 11, 3, 20, 45, 21))
            .Matched("2026-11-03");

        yield return n.Case("no-cc-at-all", "meeting minutes sent only to the CRM list, none of the three CC roles")
            .Submit("cd-crm", "crm-meeting-minutes").Intro("11月11日").Drop("city.gm").Drop("city.dept-heads").Drop("group.cs")
            .Subject("成都公司客户关系部例会会议纪要（11月11日）").At(T(2026, 11, 11, 16, 30, 58))
            .Matched("cd-2026-11-11-crm-meeting", Kinds.RecipientsMissing);
    }
}
