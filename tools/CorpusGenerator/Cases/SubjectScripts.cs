using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>080-089: subjects in traditional characters, full-width forms and raw UTF-8 that classify like plain simplified ones.</summary>
internal static class SubjectScripts
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        yield return n.Case("traditional-daily", "traditional 呼叫中心信息日報 classifies as 呼叫中心信息日报")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月16日")
            .Subject("呼叫中心信息日報（2026-11-16）").At(T(2026, 11, 16, 20, 30, 45))
            .Matched("2026-11-16");

        yield return n.Case("traditional-crm-monthly", "traditional 無錫公司客戶關係月報 (戶, 關, 係, 報) classifies as 客户关系月报")
            .Submit("wx-crm", "crm-monthly").Intro("2026年11月")
            .Subject("無錫公司客戶關係月報（2026年11月）").At(T(2026, 11, 27, 15, 37, 2))
            .Matched("2026-11");

        yield return n.Case("traditional-week", "traditional 週報 and 第47週 in the year-and-week form")
            .Submit("wy-cq-warranty", "warranty-weekly").Intro("2026年第47周")
            .Subject("房屋保修部週報（2026年第47週）").At(T(2026, 11, 23, 14, 48, 16))
            .Matched("2026-W47");

        yield return n.Case("full-width-brackets-and-space", "【】 brackets, an ideographic space and full-width digits in 【呼叫中心】信息日报　２０２６年１１月１５日")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月15日")
            .Subject("【呼叫中心】信息日报　２０２６年１１月１５日").At(T(2026, 11, 15, 20, 50, 28))
            .Matched("2026-11-15");

        yield return n.Case("raw-utf8-subject", "subject written as raw UTF-8 bytes in the header (RFC 6532), not encoded words")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月14日")
            .Subject("呼叫中心信息日报 2026-11-14").RawUtf8Subject().At(T(2026, 11, 14, 20, 44, 37))
            .Matched("2026-11-14");
    }
}
