using MimeKit;

namespace MailOps.Parsing.Tests.Support;

/// <summary>
/// Builds test messages with MimeKit: a call-center daily report from its duty officer, complete unless changed, sent
/// inside the tenant (Exchange stamps such mail <c>X-MS-Exchange-Organization-AuthAs: Internal</c>).
/// </summary>
internal static class Mail
{
    public const string Duty = "chen.xue@callcenter.example.com";

    public static MimeMessage DailyReport(string subject = "呼叫中心信息日报 2026年11月23日", string? html = null)
    {
        var message = new MimeMessage();
        message.Headers.Add("Received", "from mail.callcenter.example.com by hq.example.com with SMTP; Mon, 23 Nov 2026 20:40:12 +0800");
        message.Headers.Add("X-MS-Exchange-Organization-AuthAs", "Internal");
        message.From.Add(new MailboxAddress("陈雪", Duty));
        message.To.Add(MailboxAddress.Parse("cs-dl@hq.example.com"));
        message.To.Add(MailboxAddress.Parse("butler-center@wy-cq.example.com"));
        message.Subject = subject;
        message.Date = new DateTimeOffset(2026, 11, 23, 20, 39, 0, TimeSpan.FromHours(8));
        message.MessageId = "daily-2026-11-23@callcenter.example.com";
        message.Body = new TextPart("html") { Text = html ?? Figures("120", "8", "30", "82") };
        return message;
    }

    public static string Figures(string calls, string complaints, string repairs, string enquiries) => $"""
        <html><body><p class=MsoNormal style='mso-margin-top-alt:auto'>各位领导好，今日呼叫中心信息如下：<o:p></o:p></p>
        <table class=MsoNormalTable border=1 style='mso-cellspacing:0cm'>
        <tr><td>来电总量</td><td>投诉量</td><td>报修量</td><td>咨询量</td></tr>
        <tr><td>{calls}</td><td>{complaints}</td><td>{repairs}</td><td>{enquiries}</td></tr>
        </table></body></html>
        """;

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    public static ParseOutcome Parse(MimeMessage message) => TestRegime.Parser.Parse(Bytes(message));
}
