namespace MailOps.Worker.Events;

/// <summary>
/// The shared calendar MailOps reads project events from through Microsoft Graph (section
/// <c>MailOps:Events:Calendar</c>), signing in as the Graph mailbox does (<c>MailOps:Mailbox:Graph</c>: tenant,
/// client, credential, cloud). Off unless <see cref="Mailbox"/> is set.
/// </summary>
public sealed class CalendarFeedOptions
{
    public const string Section = "MailOps:Events:Calendar";

    /// <summary>The mailbox whose calendar is read, such as <c>events@hq.example.com</c>; default none: no calendar is read.</summary>
    public string? Mailbox { get; set; }

    /// <summary>One of the mailbox's calendars by its name (any letter case); default the mailbox's default calendar.</summary>
    public string? Calendar { get; set; }

    /// <summary>How far back from today the window reaches, to the regime zone's midnight; default 35 days.</summary>
    public TimeSpan WindowBack { get; set; } = TimeSpan.FromDays(35);

    /// <summary>How far ahead of today the window reaches, to the end of that day in the regime zone; default 120 days.</summary>
    public TimeSpan WindowAhead { get; set; } = TimeSpan.FromDays(120);

    /// <summary>
    /// How often the window moves on: Graph fixes a round's window in its links, so once the window's start is this
    /// far behind, the next read starts a full round in the new window; default a day.
    /// </summary>
    public TimeSpan WindowMovesEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Events per delta page (<c>Prefer: odata.maxpagesize</c>); default 50.</summary>
    public int PageSize { get; set; } = 50;

    public bool IsOn => !string.IsNullOrWhiteSpace(Mailbox);
}
