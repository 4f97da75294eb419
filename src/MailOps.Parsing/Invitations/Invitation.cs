using Ical.Net;
using MailOps.Compliance.Common;

namespace MailOps.Parsing.Invitations;

/// <summary>The iTIP method of a calendar (RFC 5546), from its METHOD property or else the part's <c>method</c> parameter.</summary>
public enum InvitationMethod
{
    /// <summary>A meeting request, new or updated: declares or updates events.</summary>
    Request,

    /// <summary>Cancels the whole item, or the occurrences named by RECURRENCE-ID.</summary>
    Cancel,

    /// <summary>METHOD:PUBLISH, or none at all (an exported .ics): declares like a request.</summary>
    Publish,

    /// <summary>Anything else (REPLY, COUNTER, REFRESH, ...): says nothing about events.</summary>
    Other,
}

/// <summary>Where in the message the calendar was found.</summary>
/// <param name="Depth">0 for the message's own parts, 1 inside a forwarded message/rfc822, and so on.</param>
/// <param name="IsAttachment">An attachment (an .ics file) rather than the text/calendar body of a meeting request.</param>
public sealed record CalendarLocation(int Depth, bool IsAttachment, string ContentType, string? FileName);

/// <summary>
/// One VEVENT of the calendar: the item itself, or an exception of it (a moved or cancelled occurrence, with a
/// <see cref="RecurrenceId"/>). Instants are in the regime zone's offset; an all-day item's are its local midnights.
/// </summary>
/// <param name="End">Exclusive, as DTEND is; null when the item has neither DTEND nor DURATION.</param>
/// <param name="Status">STATUS as written (CONFIRMED, TENTATIVE, CANCELLED), if any.</param>
/// <param name="Recurs">It has an RRULE or RDATE.</param>
public sealed record InvitationItem(
    string Uid,
    DateTimeOffset? RecurrenceId,
    int Sequence,
    string? Status,
    string Summary,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool IsAllDay,
    bool Recurs,
    string? Organizer,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Categories,
    string? Location);

/// <summary>
/// A meeting request, cancellation or published calendar found in a message. The organizer, attendees, categories
/// and summary are the first item's (the series itself, as clients write it first); each occurrence carries its own.
/// It holds Ical.Net's calendar, which is not thread-safe: expand one invitation from one thread at a time.
/// </summary>
public sealed class Invitation
{
    private readonly Calendar _calendar;
    private readonly RegimeZone _zone;
    private readonly InvitationOptions _options;

    internal Invitation(Calendar calendar, RegimeZone zone, InvitationOptions options, InvitationMethod method, string? methodText, CalendarLocation location, IReadOnlyList<InvitationItem> items)
    {
        _calendar = calendar;
        _zone = zone;
        _options = options;
        Method = method;
        MethodText = methodText;
        Location = location;
        Items = items;
        ProductId = calendar.ProductId;
    }

    public InvitationMethod Method { get; }

    /// <summary>The method as written, upper-case; null when neither the calendar nor its part names one.</summary>
    public string? MethodText { get; }

    /// <summary>PRODID: which program wrote the calendar (Microsoft Exchange Server 2010, a webmail, ...).</summary>
    public string? ProductId { get; }

    public CalendarLocation Location { get; }

    /// <summary>Every VEVENT in the order written; never empty.</summary>
    public IReadOnlyList<InvitationItem> Items { get; }

    public string Summary => Items[0].Summary;

    public string? Organizer => Items.Select(i => i.Organizer).FirstOrDefault(o => o is not null);

    public IReadOnlyList<string> Attendees => Items[0].Attendees;

    public IReadOnlyList<string> Categories => Items[0].Categories;

    /// <summary>Whether it declares or updates events (a request or a publication), rather than cancelling or saying nothing.</summary>
    public bool Declares => Method is InvitationMethod.Request or InvitationMethod.Publish;

    /// <summary>
    /// Every occurrence that overlaps [<paramref name="from"/>, <paramref name="to"/>) (one starting at <paramref name="from"/>
    /// with no duration included): a recurring item's occurrences without its EXDATEs, a moved occurrence at its new time
    /// and by its RECURRENCE-ID, in order of start. Never throws; a limit reached is a problem beside what was expanded.
    /// </summary>
    public InvitationExpansion Expand(DateTimeOffset from, DateTimeOffset to) => InvitationExpander.Expand(_calendar, this, _zone, _options, from, to);
}
