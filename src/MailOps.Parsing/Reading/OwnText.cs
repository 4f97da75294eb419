using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace MailOps.Parsing.Reading;

/// <summary>
/// What the sender of a reply or a forward wrote, without the message quoted below it: the bodies cut at the first
/// quote header (Outlook's rule and 发件人/From block, <c>-----原始邮件-----</c>, <c>On … wrote:</c>, <c>&gt;</c> lines, a
/// <c>blockquote</c>). A reply that quotes a report does not carry the report's fields by quoting them.
/// </summary>
internal static partial class OwnText
{
    // Outlook's HTML quote headers (desktop, new Outlook and OWA), and other clients' quote containers.
    private static readonly string[] HtmlQuoteMarkers =
    [
        "border-top:solid #E1E1E1", "border-top:solid #B5C4DF", "id=\"divRplyFwdMsg\"", "id=\"appendonsend\"", "<blockquote",
        "class=\"gmail_quote\"", "-----Original Message-----", "-----原始邮件-----", "------------------ 原始邮件 ------------------",
    ];

    private const int MaxHtmlChars = 200_000;

    /// <summary>The message with its bodies cut above the quote, each cut when first read.</summary>
    public static ReadMessage Of(ReadMessage read) => read.WithContent(() => CutText(read.TextBody), () => CutHtml(read.HtmlBody), () => read.Workbook);

    /// <summary>The text of an HTML body, for looking for phrases (not for layout); its head and style sheet left out.</summary>
    public static string? Plain(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var text = body >= 0 ? html[body..] : html;
        text = Tag().Replace(text.Length > MaxHtmlChars ? text[..MaxHtmlChars] : text, " ");
        return HtmlEntity.DeEntitize(text);
    }

    private static string? CutText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var quote = TextQuote().Match(text);
        return quote.Success ? text[..quote.Index] : text;
    }

    private static string? CutHtml(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var cut = HtmlQuoteMarkers.Select(m => html.IndexOf(m, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (cut < 0)
        {
            return html;
        }

        // Cut at the start of the element that holds the marker, so that the quote's table is not half-read.
        var open = html.LastIndexOf('<', cut);
        return html[..(open >= 0 && html[cut] != '<' ? open : cut)];
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(
        @"^[ \t]*(?:_{10,}[ \t]*\r?$|-{2,}[ \t]*(?:original message|原始邮件|原邮件)[ \t]*-{2,}|(?:发件人|from)[ \t]*[:：].*\r?\n(?:.*\r?\n){0,3}?[ \t]*(?:发送时间|sent|日期|date)[ \t]*[:：]|>|on [^\r\n]{4,200} wrote:[ \t]*\r?$|在[^\r\n]{4,200}写道[:：])",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextQuote();
}
