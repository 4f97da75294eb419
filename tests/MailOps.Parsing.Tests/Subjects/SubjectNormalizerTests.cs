using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Tests.Subjects;

public sealed class SubjectNormalizerTests
{
    [Theory]
    [InlineData("RE: 呼叫中心信息日报", "呼叫中心信息日报", SubjectPrefix.Reply)]
    [InlineData("答复: 呼叫中心信息日报", "呼叫中心信息日报", SubjectPrefix.Reply)]
    [InlineData("回复：呼叫中心信息日报", "呼叫中心信息日报", SubjectPrefix.Reply)]
    [InlineData("FW: RE: 周报", "周报", SubjectPrefix.Forward)]
    [InlineData("转发：【呼叫中心】周报", "[呼叫中心]周报", SubjectPrefix.Forward)]
    [InlineData("Re:Fwd: 月报", "月报", SubjectPrefix.Reply)]
    [InlineData("回覆: 月報", "月报", SubjectPrefix.Reply)]
    [InlineData("轉寄: 月報", "月报", SubjectPrefix.Forward)]
    [InlineData("自动回复: 呼叫中心信息日报", "呼叫中心信息日报", SubjectPrefix.AutoReply)]
    [InlineData("[External] RE: 月报", "月报", SubjectPrefix.Reply)]
    [InlineData("[更正] 月报", "[更正] 月报", SubjectPrefix.None)]
    [InlineData("呼叫中心信息日報（２０２６年１１月２３日）", "呼叫中心信息日报(2026年11月23日)", SubjectPrefix.None)]
    [InlineData("  客戶關係月報　 2026年10月 ", "客户关系月报 2026年10月", SubjectPrefix.None)]
    [InlineData("Reports for 11月", "Reports for 11月", SubjectPrefix.None)]
    [InlineData(null, "", SubjectPrefix.None)]
    public void Normalize_StripsPrefixesAndFoldsTheText(string? subject, string text, SubjectPrefix prefix)
    {
        SubjectNormalizer.Normalize(subject).Should().Be(new NormalizedSubject(text, prefix));
    }
}
