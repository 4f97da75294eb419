namespace MailOps.Worker.Tests.Support;

/// <summary>
/// Small raw messages for mailbox and ingest tests. A unit's report is sent inside the tenant, as Exchange stamps it
/// (<c>X-MS-Exchange-Organization-AuthAs: Internal</c>); without that an internal sender is held as unauthenticated.
/// </summary>
internal static class Eml
{
    /// <summary>The call center's daily report of <paramref name="day"/> (yyyy-MM-dd).</summary>
    public static string Daily(string messageId, string receivedAt = "2026-11-23T20:40:00+08:00", string from = "chen.xue@callcenter.example.com", string day = "2026-11-23") => $"""
        X-Received-At: {receivedAt}
        X-MS-Exchange-Organization-AuthAs: Internal
        From: {from}
        To: cs-dl@hq.example.com, butler-center@wy-cq.example.com
        Subject: =?UTF-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"呼叫中心信息日报 {day}"))}?=
        Date: Mon, 23 Nov 2026 20:39:00 +0800
        Message-ID: <{messageId}>
        Content-Type: text/plain; charset=utf-8

        来电总量：120
        投诉量：8
        报修量：30
        咨询量：82
        """.ReplaceLineEndings("\r\n");

    public static string Ordinary(string messageId) => $"""
        From: newsletter@shop.example.org
        To: reports@hq.example.com
        Subject: Black Friday deals
        Date: Mon, 23 Nov 2026 10:00:00 +0800
        Message-ID: <{messageId}>
        Content-Type: text/plain

        Buy things.
        """.ReplaceLineEndings("\r\n");

    /// <summary>A city company's delivery daily, as its CRM information officer sends it (report-like by subject and by sender).</summary>
    public static string CrmDaily(string messageId, string receivedAt = "2026-11-23T21:05:00+08:00") => $"""
        X-Received-At: {receivedAt}
        X-MS-Exchange-Organization-AuthAs: Internal
        From: yang.xue@cq.example.com
        To: cs-dl@hq.example.com
        Subject: =?UTF-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("【日报】重庆城市公司交付日报 2026-11-23"))}?=
        Date: Mon, 23 Nov 2026 21:04:00 +0800
        Message-ID: <{messageId}>
        Content-Type: text/plain; charset=utf-8

        今日来访 12 组，投诉 1 件，已处理。
        """.ReplaceLineEndings("\r\n");

    /// <summary>Writes a message whose write time is well in the past, so the folder mailbox treats it as settled.</summary>
    public static void Drop(string folder, string name, string text)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
