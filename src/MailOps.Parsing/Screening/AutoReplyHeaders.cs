using MimeKit;

namespace MailOps.Parsing.Screening;

/// <summary>
/// Whether a message's headers say it is an automatic reply, by RFC 3834 and the conventions beside it.
/// <c>Auto-Submitted: auto-replied</c> is a reply; <c>no</c> (or none) is a person's mail; <c>auto-generated</c> and
/// <c>auto-notified</c> are mail a system wrote (a system-generated report among them), not replies, so they are judged
/// like any other mail. <c>X-Autoreply</c> and <c>X-Autorespond</c> count only when they say yes or true, and
/// <c>Precedence: auto_reply</c> counts. <c>X-Auto-Response-Suppress</c> is a request that no one auto-reply to the
/// message (Outlook add-ins set it on ordinary mail), not evidence that it is one, so it is not read.
/// </summary>
internal static class AutoReplyHeaders
{
    /// <summary>The header that makes the message an automatic reply, as <c>name: value</c>; null when none does.</summary>
    public static string? Find(HeaderList headers)
    {
        if (headers["Auto-Submitted"] is { } submitted && Token(submitted).Equals("auto-replied", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {submitted.Trim()}";
        }

        foreach (var name in new[] { "X-Autoreply", "X-Autorespond" })
        {
            if (headers[name] is { } value && Token(value).ToLowerInvariant() is "yes" or "true")
            {
                return $"{name}: {value.Trim()}";
            }
        }

        return headers["Precedence"] is { } precedence && Token(precedence).Equals("auto_reply", StringComparison.OrdinalIgnoreCase)
            ? $"Precedence: {precedence.Trim()}"
            : null;
    }

    // RFC 3834 lets Auto-Submitted carry parameters ("auto-replied; owner-email=..."), and comments are allowed.
    private static string Token(string value)
    {
        var end = value.IndexOfAny([';', '(']);
        return (end < 0 ? value : value[..end]).Trim();
    }
}
