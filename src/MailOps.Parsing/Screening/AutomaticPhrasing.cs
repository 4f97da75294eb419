using System.Text.RegularExpressions;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Screening;

/// <summary>
/// Out-of-office replies and bounces that carry none of the standard headers, known by how mail servers and clients
/// word them. A subject is read only at its start (<c>自动答复:</c>, <c>【自动回复】</c>, <c>Undeliverable:</c>, <c>退信</c>),
/// or for an unmistakable phrase (<c>不在办公室</c>): a report whose subject merely holds a word such as 外出 is not
/// screened. The body is read (its own text, above any quote, and its start only) when the subject names no report.
/// </summary>
internal static partial class AutomaticPhrasing
{
    private const int BodyChars = 2000;

    /// <summary><see cref="NonMatchReason.DeliveryReport"/>, <see cref="NonMatchReason.AutoReply"/> or null, from the subject.</summary>
    public static NonMatchReason? OfSubject(string? subject)
    {
        var text = TextFold.Fold(subject).ToLowerInvariant();
        if (BounceSubject().IsMatch(text))
        {
            return NonMatchReason.DeliveryReport;
        }

        return AutoReplySubject().IsMatch(text) || AwaySubject().IsMatch(text) ? NonMatchReason.AutoReply : null;
    }

    /// <summary>The same, from the start of the message's own text (quotes removed).</summary>
    public static NonMatchReason? OfBody(ReadMessage own)
    {
        var body = own.TextBody ?? OwnText.Plain(own.HtmlBody);
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var text = TextFold.Fold(body.Length > BodyChars ? body[..BodyChars] : body).ToLowerInvariant();
        if (BounceBody().IsMatch(text))
        {
            return NonMatchReason.DeliveryReport;
        }

        return AwayBody().IsMatch(text) ? NonMatchReason.AutoReply : null;
    }

    // An optional tag such as "[External] " may stand before the prefix; a prefix is followed by a colon, a space, a
    // bracket or the end, so that 退信处理情况 is not 退信.
    private const string Tag = @"^(?:\[[^\[\]]{1,24}\]\s?)?";
    private const string End = @"(?=$|[\s:,(\-\]])";

    [GeneratedRegex(Tag + @"\[?(?:无法送达|未送达|未能送达|无法投递|投递失败|无法传递|系统退信|退信|undeliverable|undelivered mail|delivery status notification|delivery failure|delivery has failed|mail delivery failed|mail delivery failure|mail delivery system|returned mail|failure notice|message not delivered|non-delivery|nondeliverable)" + End, RegexOptions.CultureInvariant)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(Tag + @"\[?(?:自动答复|自动回复|自动回覆|自动应答|automatic reply|auto[- ]?reply|auto[- ]?response|out of office|auto(?=\s?:))" + End, RegexOptions.CultureInvariant)]
    private static partial Regex AutoReplySubject();

    // 外出，不在办公室 / 我外出了 / [休假] / Out of the office until Monday.
    [GeneratedRegex(@"不在办公室|out of (?:the )?office|^\[(?:外出|休假)\]|^(?:我|本人)?(?:目前|现在|正在|已)?(?:外出|休假)(?:了|中|通知|$|[\s:,])", RegexOptions.CultureInvariant)]
    private static partial Regex AwaySubject();

    [GeneratedRegex(@"automatically generated delivery status notification|delivery has failed to these recipients|your message (?:couldn't|could not|wasn't|was not) (?:be )?delivered|could not be delivered to one or more recipients|无法送达|未能送达|无法传递到|邮件被退回|退信原因", RegexOptions.CultureInvariant)]
    private static partial Regex BounceBody();

    [GeneratedRegex(@"(?:我|本人)(?:目前|现在|暂时)?不在办公室|i am (?:currently )?out of (?:the )?office|i'm (?:currently )?out of (?:the )?office|i will be out of (?:the )?office|this is an automatic reply|this is an automated reply|这是一封自动回复|此邮件为自动回复|此为自动回复", RegexOptions.CultureInvariant)]
    private static partial Regex AwayBody();
}
