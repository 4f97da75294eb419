using MailOps.Compliance.Common;

namespace MailOps.Worker.Web;

/// <summary>The console's pages in the navigation, in order.</summary>
internal static class ConsoleNavigation
{
    public static IReadOnlyList<(string Path, LocalizedText Name)> Items { get; } =
    [
        ("/", new LocalizedText("今日", "Today")),
        ("/triage", new LocalizedText("待处理", "Triage")),
        ("/judgements", new LocalizedText("判定", "Judgements")),
        ("/events", new LocalizedText("事件", "Events")),
        ("/scores", new LocalizedText("得分", "Scores")),
    ];
}
