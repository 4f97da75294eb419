using MailOps.Compliance.Common;

namespace MailOps.Worker.Web;

/// <summary>
/// The console's pages in the navigation, in order. The events page (declare, move, cancel) takes its place after
/// Judgements when the event store it reads is there.
/// </summary>
internal static class ConsoleNavigation
{
    public static IReadOnlyList<(string Path, LocalizedText Name)> Items { get; } =
    [
        ("/", new LocalizedText("今日", "Today")),
        ("/triage", new LocalizedText("待处理", "Triage")),
        ("/judgements", new LocalizedText("判定", "Judgements")),
        ("/scores", new LocalizedText("得分", "Scores")),
    ];
}
