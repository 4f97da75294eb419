using MimeKit;
using MimeKit.Tnef;

namespace MailOps.Parsing.Invitations;

/// <summary>
/// Finds the calendar parts of a message: a text/calendar body (a meeting request), an .ics attachment (application/ics,
/// text/calendar, or any type named *.ics), and the same inside forwarded messages. The message's own parts come first,
/// in document order, then those of each forwarded message, one level at a time.
/// </summary>
internal static class CalendarParts
{
    public static bool TryFind(MimeMessage message, InvitationOptions options, out List<(MimePart Part, CalendarLocation Location)> found)
    {
        found = [];
        var parts = 0;
        List<MimeEntity> level = message.Body is null ? [] : [message.Body];
        for (var depth = 0; level.Count > 0 && depth <= options.MaxForwardDepth; depth++)
        {
            var next = new List<MimeEntity>();
            var stack = new Stack<MimeEntity>(Enumerable.Reverse(level));
            while (stack.TryPop(out var entity))
            {
                if (++parts > options.MaxParts)
                {
                    return false;
                }

                switch (entity)
                {
                    case Multipart multipart:
                        for (var i = multipart.Count - 1; i >= 0; i--)
                        {
                            stack.Push(multipart[i]);
                        }

                        break;
                    case MessagePart { Message.Body: { } body }:
                        next.Add(body);
                        break;
                    case TnefPart:
                        break;
                    case MimePart part when IsCalendar(part):
                        found.Add((part, new CalendarLocation(depth, part.IsAttachment, part.ContentType.MimeType.ToLowerInvariant(), part.FileName)));
                        break;
                }
            }

            level = next;
        }

        return true;
    }

    private static bool IsCalendar(MimePart part) =>
        part.ContentType.IsMimeType("text", "calendar")
        || part.ContentType.IsMimeType("application", "ics")
        || part.ContentType.IsMimeType("text", "x-vcalendar")
        || (part.FileName is { } name && name.EndsWith(".ics", StringComparison.OrdinalIgnoreCase));

    /// <summary>The part's <c>method</c> parameter (RFC 6047), upper-case, if any.</summary>
    public static string? MethodParameter(MimePart part) =>
        part.ContentType.Parameters.TryGetValue("method", out string? method) && !string.IsNullOrWhiteSpace(method) ? method.Trim().ToUpperInvariant() : null;
}
