using System.Text;
using MailOps.Compliance.Common;
using MailOps.Parsing.Invitations;
using MimeKit;

namespace MailOps.Parsing.Tests.Invitations;

public sealed class InvitationReaderTests
{
    private static readonly RegimeZone Zone = RegimeZone.Shanghai;
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset To = new(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static string Calendar(string events, string method = "METHOD:REQUEST\r\n", string zones = "") =>
        $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{method}{zones}{events}END:VCALENDAR\r\n";

    private static string Event(string uid = "u1", string start = "DTSTART:20261110T060000Z", string end = "DTEND:20261110T070000Z", string extra = "") =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\n{start}\r\n{end}\r\nSUMMARY:联合审图\r\n{extra}END:VEVENT\r\n";

    private static InvitationReadResult ReadCalendar(string text, InvitationOptions? options = null) => InvitationReader.ReadCalendar(text, Zone, options);

    private static Invitation Invitation(string text) => ReadCalendar(text).Invitation ?? throw new InvalidOperationException(ReadCalendar(text).Detail?.En);

    private static MimeMessage Message(params MimeEntity[] parts)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("wu.tingting@cq.example.com"));
        message.To.Add(MailboxAddress.Parse("cs-dl@hq.example.com"));
        message.Subject = "会议";
        var mixed = new Multipart("mixed");
        foreach (var part in parts)
        {
            mixed.Add(part);
        }

        message.Body = parts.Length == 1 ? parts[0] : mixed;
        return message;
    }

    private static MimePart CalendarPart(string text, string mimeType = "text/calendar", string? charset = "utf-8", string? method = "REQUEST", string? fileName = null, Encoding? encoding = null)
    {
        var part = new MimePart(mimeType)
        {
            Content = new MimeContent(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text))),
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        if (charset is not null)
        {
            part.ContentType.Charset = charset;
        }

        if (method is not null)
        {
            part.ContentType.Parameters.Add("method", method);
        }

        if (fileName is not null)
        {
            part.FileName = fileName;
        }

        return part;
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a message at all")]
    [InlineData("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/calendar\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n--x--\r\n")]
    [InlineData("Content-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026\r\n")]
    [InlineData("Content-Type: text/calendar; charset=no-such-charset\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]
    public void Read_AnyBytes_GivesAResultNeverAnException(string raw)
    {
        var result = InvitationReader.Read(Encoding.UTF8.GetBytes(raw), Zone);

        (result.Invitation is null).Should().Be(result.Problem is not null);
        result.Invitation.Should().BeNull();
    }

    [Fact]
    public void Read_AnOrdinaryMessage_IsNoCalendar()
    {
        var result = InvitationReader.Read(Message(new TextPart("plain") { Text = "日报" }), Zone);

        result.Problem.Should().Be(InvitationProblem.NoCalendar);
    }

    [Fact]
    public void Read_TheMethodParameterWithoutAMethodProperty_IsTheMethod()
    {
        var result = InvitationReader.Read(Message(CalendarPart(Calendar(Event(), method: ""), method: "CANCEL")), Zone);

        result.Invitation!.Method.Should().Be(InvitationMethod.Cancel);
    }

    [Theory]
    [InlineData("METHOD:REQUEST\r\n", InvitationMethod.Request, true)]
    [InlineData("METHOD:CANCEL\r\n", InvitationMethod.Cancel, false)]
    [InlineData("METHOD:PUBLISH\r\n", InvitationMethod.Publish, true)]
    [InlineData("", InvitationMethod.Publish, true)]
    [InlineData("METHOD:REPLY\r\n", InvitationMethod.Other, false)]
    [InlineData("METHOD:request\r\n", InvitationMethod.Request, true)]
    public void ReadCalendar_TheMethod_IsReadAndSaysWhetherItDeclares(string method, InvitationMethod expected, bool declares)
    {
        var invitation = Invitation(Calendar(Event(), method));

        invitation.Method.Should().Be(expected);
        invitation.Declares.Should().Be(declares);
    }

    [Fact]
    public void Read_AnUnreadablePartBeforeAGoodOne_TakesTheGoodOne()
    {
        var result = InvitationReader.Read(Message(CalendarPart("BEGIN:VCALENDAR\r\nBROKEN"), CalendarPart(Calendar(Event("good")), fileName: "invite.ics")), Zone);

        result.Invitation!.Items.Single().Uid.Should().Be("good");
        result.Invitation.Location.IsAttachment.Should().BeTrue();
    }

    [Fact]
    public void Read_OnlyUnreadableParts_GivesTheFirstPartsProblem()
    {
        var result = InvitationReader.Read(Message(CalendarPart("BEGIN:VCALENDAR\r\nBROKEN"), CalendarPart(Calendar(""), fileName: "invite.ics")), Zone);

        result.Problem.Should().Be(InvitationProblem.Unparseable);
        result.Location!.IsAttachment.Should().BeFalse();
    }

    [Theory]
    [InlineData("application/octet-stream", "会议.ics")]
    [InlineData("application/ics", null)]
    [InlineData("text/x-vcalendar", null)]
    public void Read_ACalendarByTypeOrName_IsFound(string mimeType, string? fileName)
    {
        var result = InvitationReader.Read(Message(new TextPart("plain") { Text = "见附件" }, CalendarPart(Calendar(Event()), mimeType, charset: null, method: null, fileName: fileName)), Zone);

        result.Invitation.Should().NotBeNull();
    }

    [Fact]
    public void Read_UndeclaredGbBytes_AreReadAsGb18030()
    {
        var gb = Encoding.GetEncoding("GB18030");
        var result = InvitationReader.Read(Message(CalendarPart(Calendar(Event()), "application/ics", charset: null, method: null, encoding: gb)), Zone);

        result.Invitation!.Summary.Should().Be("联合审图");
    }

    [Fact]
    public void Read_AForwardDeeperThanTheLimit_IsNotSearched()
    {
        var inner = Message(CalendarPart(Calendar(Event())));
        var outer = Message(new TextPart("plain") { Text = "FW" }, new MessagePart { Message = inner });

        InvitationReader.Read(outer, Zone).Invitation!.Location.Depth.Should().Be(1);
        InvitationReader.Read(outer, Zone, new InvitationOptions { MaxForwardDepth = 0 }).Problem.Should().Be(InvitationProblem.NoCalendar);
    }

    [Fact]
    public void Read_MorePartsThanTheLimit_IsTooManyParts()
    {
        var message = Message(new TextPart("plain") { Text = "a" }, new TextPart("plain") { Text = "b" }, CalendarPart(Calendar(Event())));

        InvitationReader.Read(message, Zone, new InvitationOptions { MaxParts = 2 }).Problem.Should().Be(InvitationProblem.TooManyParts);
    }

    [Fact]
    public void Read_ACalendarLargerThanTheLimit_IsTooLarge()
    {
        var result = InvitationReader.Read(Message(CalendarPart(Calendar(Event()))), Zone, new InvitationOptions { MaxCalendarBytes = 100 });

        result.Problem.Should().Be(InvitationProblem.TooLarge);
    }

    [Theory]
    [InlineData("more components than the limit", "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261110T060000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261111T060000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\nDTSTART:20261112T060000Z\r\nEND:VEVENT\r\n", InvitationProblem.TooManyComponents)]
    [InlineData("no VEVENT", "BEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\n", InvitationProblem.NoEvents)]
    [InlineData("no UID (Ical.Net would make one up)", "BEGIN:VEVENT\r\nDTSTART:20261110T060000Z\r\nEND:VEVENT\r\n", InvitationProblem.MissingUid)]
    [InlineData("no readable DTSTART", "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:2026111xT0600\r\nEND:VEVENT\r\n", InvitationProblem.Unparseable)]
    [InlineData("a TZID nothing defines", "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Beijing Office:20261110T140000\r\nEND:VEVENT\r\n", InvitationProblem.UnknownTimeZone)]
    public void ReadCalendar_ABadCalendar_IsItsProblem(string label, string events, InvitationProblem expected)
    {
        ReadCalendar(Calendar(events), new InvitationOptions { MaxComponents = 2 }).Problem.Should().Be(expected, label);
    }

    [Fact]
    public void ReadCalendar_AnUnknownTzidWithTwoOffsets_IsUnknown()
    {
        const string zone = "BEGIN:VTIMEZONE\r\nTZID:Office Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

        var result = ReadCalendar(Calendar(Event(start: "DTSTART;TZID=Office Time:20261110T140000", end: ""), zones: zone));

        result.Problem.Should().Be(InvitationProblem.UnknownTimeZone);
        result.Detail!.En.Should().Contain("Office Time");
    }

    [Theory]
    [InlineData("Outlook's Windows id", "China Standard Time", "", "2026-11-10T14:00:00+08:00")]
    [InlineData("an IANA id", "Asia/Tokyo", "", "2026-11-10T13:00:00+08:00")]
    [InlineData("a localized name with a one-offset VTIMEZONE (Ical.Net alone reads it as UTC)", "(UTC+08:00) 北京，重庆，香港特别行政区，乌鲁木齐", "+0800", "2026-11-10T14:00:00+08:00")]
    [InlineData("GMT+0800 defined as +09:00 by its VTIMEZONE (Ical.Net alone reads it as GMT)", "GMT+0800", "+0900", "2026-11-10T13:00:00+08:00")]
    public void ReadCalendar_ATzid_GivesTheRightInstant(string label, string tzId, string vtimezoneOffset, string expected)
    {
        var zones = vtimezoneOffset.Length == 0 ? "" : $"BEGIN:VTIMEZONE\r\nTZID:{tzId}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:{vtimezoneOffset}\r\nTZOFFSETTO:{vtimezoneOffset}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        var invitation = Invitation(Calendar(Event(start: $"DTSTART;TZID=\"{tzId}\":20261110T140000", end: ""), zones: zones));

        invitation.Expand(From, To).Occurrences.Single().Item.Start.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), label);
    }

    [Theory]
    [InlineData("starts inside", "DTSTART;VALUE=DATE:20261121", "DTEND;VALUE=DATE:20261124", true)]
    [InlineData("began before the window and runs into it", "DTSTART;VALUE=DATE:20261030", "DTEND;VALUE=DATE:20261102", true)]
    [InlineData("ends as the window opens", "DTSTART;VALUE=DATE:20261030", "DTEND;VALUE=DATE:20261101", false)]
    [InlineData("a point at the window's opening", "DTSTART:20261031T160000Z", "", true)]
    [InlineData("starts as the window closes", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20270102", false)]
    [InlineData("floating, just before the window closes in Shanghai", "DTSTART:20261231T233000", "DTEND:20261231T235900", true)]
    public void Expand_TheWindow_TakesWhatOverlapsIt(string label, string start, string end, bool taken)
    {
        Invitation(Calendar(Event(start: start, end: end))).Expand(From, To).Occurrences.Should().HaveCount(taken ? 1 : 0, label);
    }

    [Fact]
    public void Expand_AnAllDayItem_IsLocalMidnightsWithAnExclusiveEnd()
    {
        var item = Invitation(Calendar(Event(start: "DTSTART;VALUE=DATE:20261121", end: "DTEND;VALUE=DATE:20261124"))).Expand(From, To).Occurrences.Single().Item;

        item.Should().Match<Compliance.Events.CalendarItem>(i => i.IsAllDay
            && i.Start == new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(8))
            && i.End == new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8))
            && i.RecurrenceId == null);
    }

    [Fact]
    public void Expand_ACancelledExceptionInARequest_IsACancelledOccurrence()
    {
        var events = Event(extra: "RRULE:FREQ=WEEKLY;COUNT=3\r\n")
            + "BEGIN:VEVENT\r\nUID:u1\r\nRECURRENCE-ID:20261117T060000Z\r\nDTSTART:20261117T060000Z\r\nDTEND:20261117T070000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n";

        var occurrences = Invitation(Calendar(events)).Expand(From, To).Occurrences;

        occurrences.Select(o => o.IsCancelled).Should().Equal(false, true, false);
        occurrences.Select(o => o.Item.RecurrenceId).Should().OnlyContain(r => r != null);
    }

    [Fact]
    public void Expand_MoreOccurrencesThanTheLimit_KeepsThoseBeforeIt()
    {
        var invitation = InvitationReader.ReadCalendar(Calendar(Event(extra: "RRULE:FREQ=DAILY\r\n")), Zone, new InvitationOptions { MaxOccurrences = 10 }).Invitation!;

        var expansion = invitation.Expand(From, To);

        expansion.Problem.Should().Be(InvitationProblem.TooManyOccurrences);
        expansion.Occurrences.Should().HaveCount(10);
    }

    [Theory]
    [InlineData("FREQ=SECONDLY")]
    [InlineData("FREQ=MINUTELY;INTERVAL=5")]
    [InlineData("FREQ=HOURLY")]
    public void Expand_ASubDailyRuleBegunYearsAgo_IsRefusedBeforeTheEngineStepsThroughIt(string rule)
    {
        var invitation = Invitation(Calendar(Event(start: "DTSTART:20000101T000000Z", end: "", extra: $"RRULE:{rule}\r\n")));

        invitation.Expand(From, To).Problem.Should().Be(InvitationProblem.TooManyOccurrences);
    }

    [Fact]
    public void Expand_ARuleThatNeverMatches_IsUnexpandable()
    {
        var invitation = InvitationReader.ReadCalendar(Calendar(Event(extra: "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n")), Zone, new InvitationOptions { MaxRecurrenceSteps = 1000 }).Invitation!;

        invitation.Expand(From, To).Problem.Should().Be(InvitationProblem.Unexpandable);
    }
}
