using System.Text.RegularExpressions;

namespace MailOps.Parsing.Subjects;

/// <summary>What the first prefix of a subject says the message is.</summary>
public enum SubjectPrefix
{
    None,
    Reply,
    Forward,
    AutoReply,
}

/// <summary>A subject with its reply and forward prefixes stripped and its text folded (see <see cref="TextFold"/>).</summary>
public sealed record NormalizedSubject(string Text, SubjectPrefix FirstPrefix);

/// <summary>Strips prefixes such as <c>RE:</c>, <c>答复：</c>, <c>FW:</c>, <c>转发:</c> and folds the rest for matching.</summary>
internal static partial class SubjectNormalizer
{
    public static NormalizedSubject Normalize(string? subject)
    {
        var text = TextFold.Fold(subject);
        var first = SubjectPrefix.None;
        while (true)
        {
            // A tag such as "[External]" may stand before a prefix; it is only dropped when a prefix follows it.
            var match = Prefix().Match(text);
            if (!match.Success)
            {
                break;
            }

            if (first == SubjectPrefix.None)
            {
                first = KindOf(match.Groups["prefix"].Value);
            }

            text = text[match.Length..];
        }

        return new NormalizedSubject(text, first);
    }

    private static SubjectPrefix KindOf(string prefix) => prefix.ToUpperInvariant() switch
    {
        "RE" or "AW" or "答复" or "回复" or "答覆" or "回覆" => SubjectPrefix.Reply,
        "FW" or "FWD" or "转发" or "转寄" => SubjectPrefix.Forward,
        _ => SubjectPrefix.AutoReply,
    };

    [GeneratedRegex(@"^(\[[^\[\]]{1,24}\]\s?)?(?<prefix>re|aw|fwd|fw|答复|回复|答覆|回覆|转发|转寄|自动回复|自动回覆|automatic reply|auto|out of office)\s?:\s?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
