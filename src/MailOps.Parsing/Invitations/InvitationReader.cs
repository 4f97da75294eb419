using Ical.Net;
using Ical.Net.CalendarComponents;
using MailOps.Compliance.Common;
using MailOps.Parsing.Reading;
using MimeKit;

namespace MailOps.Parsing.Invitations;

/// <summary>
/// Finds a meeting request, cancellation or .ics calendar in a message and reads it with Ical.Net: the message's own
/// calendar parts first, then those of forwarded messages; the first part that reads as a calendar with events wins,
/// and when none does, the first part's problem is the result. Pure over its input; never throws for any input.
/// </summary>
public static class InvitationReader
{
    public static InvitationReadResult Read(byte[] raw, RegimeZone zone, InvitationOptions? options = null)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(MimeOptions.Default, stream);
        }
#pragma warning disable CA1031 // The boundary of untrusted input: whatever a malformed message provokes becomes data.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return InvitationReadResult.Failed(InvitationProblem.Unparseable, new($"邮件无法读取：{ex.Message}", $"the message cannot be read: {ex.Message}"));
        }

        using (message)
        {
            return Read(message, zone, options);
        }
    }

    public static InvitationReadResult Read(MimeMessage message, RegimeZone zone, InvitationOptions? options = null)
    {
        options ??= InvitationOptions.Default;
        try
        {
            if (!CalendarParts.TryFind(message, options, out var parts))
            {
                return InvitationReadResult.Failed(InvitationProblem.TooManyParts, new($"邮件超过 {options.MaxParts} 个部分", $"the message has more than {options.MaxParts} parts"));
            }

            if (parts.Count == 0)
            {
                return InvitationReadResult.Failed(InvitationProblem.NoCalendar, new("邮件中没有日历", "the message holds no calendar"));
            }

            InvitationReadResult? first = null;
            foreach (var (part, location) in parts)
            {
                var result = CalendarText.TryDecode(part, options.MaxCalendarBytes, out var text)
                    ? ReadText(text, CalendarParts.MethodParameter(part), location, zone, options)
                    : InvitationReadResult.Failed(InvitationProblem.TooLarge, new($"日历超过 {options.MaxCalendarBytes} 字节", $"the calendar is larger than {options.MaxCalendarBytes} bytes"), location);
                if (result.Invitation is not null)
                {
                    return result;
                }

                first ??= result;
            }

            return first!;
        }
#pragma warning disable CA1031 // As above: a part that MimeKit or Ical.Net cannot handle is data.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return InvitationReadResult.Failed(InvitationProblem.Unparseable, new($"日历无法读取（{ex.GetType().Name}）：{ex.Message}", $"the calendar cannot be read ({ex.GetType().Name}): {ex.Message}"));
        }
    }

    /// <summary>Reads an iCalendar text on its own (an .ics file, a calendar from elsewhere); the size limit counts its characters.</summary>
    public static InvitationReadResult ReadCalendar(string text, RegimeZone zone, InvitationOptions? options = null)
    {
        options ??= InvitationOptions.Default;
        var location = new CalendarLocation(0, IsAttachment: true, "text/calendar", null);
        if (text.Length > options.MaxCalendarBytes)
        {
            return InvitationReadResult.Failed(InvitationProblem.TooLarge, new($"日历超过 {options.MaxCalendarBytes} 字节", $"the calendar is larger than {options.MaxCalendarBytes} bytes"), location);
        }

        try
        {
            return ReadText(text, null, location, zone, options);
        }
#pragma warning disable CA1031 // As above.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return InvitationReadResult.Failed(InvitationProblem.Unparseable, new($"日历无法读取（{ex.GetType().Name}）：{ex.Message}", $"the calendar cannot be read ({ex.GetType().Name}): {ex.Message}"), location);
        }
    }

    private static InvitationReadResult ReadText(string text, string? methodParameter, CalendarLocation location, RegimeZone zone, InvitationOptions options)
    {
        InvitationReadResult Fail(InvitationProblem problem, string zh, string en) => InvitationReadResult.Failed(problem, new(zh, en), location);

        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(text);
        }
#pragma warning disable CA1031 // Ical.Net reports bad text with several exception types (SerializationException, FormatException, ...).
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Fail(InvitationProblem.Unparseable, $"日历无法解析：{ex.Message}", $"the calendar cannot be parsed: {ex.Message}");
        }

        if (calendar is null)
        {
            return Fail(InvitationProblem.Unparseable, "日历部分中没有 VCALENDAR", "the calendar part holds no VCALENDAR");
        }

        if (Components(calendar) > options.MaxComponents)
        {
            return Fail(InvitationProblem.TooManyComponents, $"日历超过 {options.MaxComponents} 个组件", $"the calendar has more than {options.MaxComponents} components");
        }

        if (calendar.Events.Count == 0)
        {
            return Fail(InvitationProblem.NoEvents, "日历中没有会议或事件（VEVENT）", "the calendar holds no VEVENT");
        }

        if (HasMadeUpUid(calendar, text))
        {
            return Fail(InvitationProblem.MissingUid, "日历中有会议没有 UID", "a VEVENT has no UID");
        }

        if (calendar.Events.Any(e => e.DtStart is null))
        {
            return Fail(InvitationProblem.Unparseable, "日历中有会议没有可读的开始时间（DTSTART）", "a VEVENT has no readable DTSTART");
        }

        var unknown = CalendarTimeZones.Repair(calendar);
        if (unknown.Count > 0)
        {
            return Fail(InvitationProblem.UnknownTimeZone, $"未知时区：{string.Join("、", unknown)}", $"unknown time zone: {string.Join(", ", unknown)}");
        }

        var methodText = string.IsNullOrWhiteSpace(calendar.Method) ? methodParameter : calendar.Method.Trim().ToUpperInvariant();
        var items = calendar.Events.Select(e => InvitationItems.Of(e, zone)).ToList();
        return new InvitationReadResult { Invitation = new Invitation(calendar, zone, options, MethodOf(methodText), methodText, location, items) };
    }

    // Ical.Net gives a VEVENT without UID a fresh random one (and no sign of it), whose occurrences would change ids with
    // every version. A UID read from the text is the same when the text is read again; a made-up one is not.
    private static bool HasMadeUpUid(Calendar calendar, string text)
    {
        if (calendar.Events.Any(e => string.IsNullOrWhiteSpace(e.Uid)))
        {
            return true;
        }

        var again = Calendar.Load(text)!.Events.Select(e => e.Uid);
        return !calendar.Events.Select(e => e.Uid).SequenceEqual(again, StringComparer.Ordinal);
    }

    private static InvitationMethod MethodOf(string? method) => method switch
    {
        "REQUEST" => InvitationMethod.Request,
        "CANCEL" => InvitationMethod.Cancel,
        "PUBLISH" or null => InvitationMethod.Publish,
        _ => InvitationMethod.Other,
    };

    private static int Components(ICalendarObject component) =>
        component.Children.OfType<ICalendarComponent>().Sum(child => 1 + Components(child));
}
