using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>240-259: content inside Outlook's TNEF (winmail.dat) and inside S/MIME signatures.</summary>
internal static class StructureCases
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        yield return n.Case("tnef-body", "the whole body is winmail.dat (application/ms-tnef); the fields are in its HTML body")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月27日").Wrap(Wrapping.Tnef)
            .Subject("呼叫中心信息日报（2026-10-27）").At(T(2026, 10, 27, 20, 40, 33))
            .Matched("2026-10-27");

        yield return n.Case("tnef-beside-text-workbook", "a text body beside winmail.dat, whose attachment is the monthly workbook")
            .Submit("wy-hz-warranty", "warranty-monthly").Intro("2026年10月").Wrap(Wrapping.TnefBesideText)
            .Subject("华中物业房屋保修部月报（2026年10月）").At(T(2026, 10, 30, 16, 0, 21))
            .Matched("2026-10");

        yield return n.Case("tnef-workbook-blank-cell", "winmail.dat holding a workbook whose 报修量 (月报!B5) is empty")
            .Submit("callcenter", "callcenter-monthly").Intro("2026年8月").Wrap(Wrapping.Tnef).BlankCell("B5")
            .Subject("呼叫中心信息月报（2026年8月）").At(T(2026, 8, 31, 16, 30, 54))
            .Matched("2026-08", Kinds.Incomplete);

        yield return n.Case("smime-signed", "S/MIME multipart/signed; the signed content is the Outlook body")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年10月26日").Wrap(Wrapping.Signed)
            .Subject("呼叫中心信息日报（2026-10-26）").At(T(2026, 10, 26, 20, 42, 7))
            .Matched("2026-10-26");

        yield return n.Case("smime-signed-workbook", "S/MIME multipart/signed around a multipart/mixed with the monthly workbook")
            .Submit("cs-crm", "crm-monthly").Intro("2026年10月").Wrap(Wrapping.Signed)
            .Subject("长沙公司客户关系月报（2026年10月）").At(T(2026, 10, 29, 14, 22, 36))
            .Matched("2026-10");

        yield return n.Case("smime-opaque", "opaque S/MIME: application/pkcs7-mime; smime-type=signed-data holding the body")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第42周").Wrap(Wrapping.OpaqueSigned)
            .Subject("呼叫中心信息周报（2026年第42周）").At(T(2026, 10, 19, 10, 15, 48))
            .Matched("2026-W42");

        yield return n.Case("smime-opaque-incomplete", "opaque S/MIME whose signed body gives 报修量 as \"-\": the content inside is checked")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月25日").Wrap(Wrapping.OpaqueSigned).Field("报修量", "-")
            .Subject("呼叫中心信息日报（2026-10-25）").At(T(2026, 10, 25, 20, 39, 51))
            .Matched("2026-10-25", Kinds.Incomplete);
    }
}
