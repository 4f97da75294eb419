using MailOps.Worker.Mailboxes;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Events;

/// <summary>Checks <see cref="CalendarFeedOptions"/> at start when a calendar is configured, naming each bad setting by its key, its value and what it needs.</summary>
internal sealed class CalendarFeedOptionsValidator(IOptions<MailboxOptions> mailbox) : IValidateOptions<CalendarFeedOptions>
{
    private const string S = CalendarFeedOptions.Section;

    public ValidateOptionsResult Validate(string? name, CalendarFeedOptions options) =>
        options.IsOn ? Check(options, mailbox.Value) : ValidateOptionsResult.Skip;

    public static ValidateOptionsResult Check(CalendarFeedOptions o, MailboxOptions mailbox)
    {
        var failures = new List<string>();
        if (!MimeKit.MailboxAddress.TryParse(o.Mailbox, out var parsed) || parsed.Address.Contains(' ', StringComparison.Ordinal) || !parsed.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"{S}:Mailbox \"{o.Mailbox}\" is not an email address; give the address of the mailbox whose calendar MailOps reads, such as events@hq.example.com, or remove it to read no calendar.");
        }

        if (!mailbox.IsGraph)
        {
            failures.Add($"{S}:Mailbox \"{o.Mailbox}\" is set but {MailboxOptions.Section}:Kind is \"{mailbox.Kind}\": the calendar is read through Microsoft Graph with the Graph mailbox's sign-in; set {MailboxOptions.Section}:Kind to {MailboxOptions.Graph} (and its section {Mailboxes.Graph.GraphMailboxOptions.Section}), or remove {S}:Mailbox.");
        }

        if (o.Calendar is { } calendar && string.IsNullOrWhiteSpace(calendar))
        {
            failures.Add($"{S}:Calendar is empty; name one of the mailbox's calendars, or remove the setting to read its default calendar.");
        }

        Within(failures, "WindowBack", o.WindowBack, TimeSpan.Zero, TimeSpan.FromDays(366), "from 00:00:00 to 366.00:00:00 (days back from today, such as 35.00:00:00)");
        Within(failures, "WindowAhead", o.WindowAhead, TimeSpan.FromDays(1), TimeSpan.FromDays(732), "from 1.00:00:00 to 732.00:00:00 (days ahead of today, such as 120.00:00:00)");
        Within(failures, "WindowMovesEvery", o.WindowMovesEvery, TimeSpan.FromHours(1), TimeSpan.FromDays(7), "from 01:00:00 to 7.00:00:00 (such as 1.00:00:00, a full read a day)");
        if (o.PageSize is < 1 or > 1000)
        {
            failures.Add($"{S}:PageSize {o.PageSize} must be from 1 to 1000 (events per delta page, such as 50).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Within(List<string> failures, string key, TimeSpan value, TimeSpan least, TimeSpan most, string what)
    {
        if (value < least || value > most)
        {
            failures.Add($"{S}:{key} {value} must be {what}.");
        }
    }
}
