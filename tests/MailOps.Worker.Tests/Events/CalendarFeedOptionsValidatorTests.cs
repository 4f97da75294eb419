using MailOps.Worker.Events;
using MailOps.Worker.Mailboxes;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Tests.Events;

public sealed class CalendarFeedOptionsValidatorTests
{
    private const string S = "MailOps:Events:Calendar";
    private static readonly MailboxOptions Graph = new() { Kind = MailboxOptions.Graph };

    private static CalendarFeedOptions Valid() => new() { Mailbox = "events@hq.example.com" };

    public static TheoryData<string, Action<CalendarFeedOptions>, string> BadSettings => new()
    {
        { "a mailbox that is no address", o => o.Mailbox = "events at hq", $"{S}:Mailbox \"events at hq\" is not an email address; give the address of the mailbox whose calendar MailOps reads" },
        { "an empty calendar name", o => o.Calendar = " ", $"{S}:Calendar is empty; name one of the mailbox's calendars, or remove the setting" },
        { "a window reaching back more than a year", o => o.WindowBack = TimeSpan.FromDays(400), $"{S}:WindowBack 400.00:00:00 must be from 00:00:00 to 366.00:00:00" },
        { "a window reaching back before now", o => o.WindowBack = TimeSpan.FromDays(-1), $"{S}:WindowBack -1.00:00:00 must be from 00:00:00" },
        { "a window reaching no day ahead", o => o.WindowAhead = TimeSpan.FromHours(12), $"{S}:WindowAhead 12:00:00 must be from 1.00:00:00 to 732.00:00:00" },
        { "a window moving every minute", o => o.WindowMovesEvery = TimeSpan.FromMinutes(1), $"{S}:WindowMovesEvery 00:01:00 must be from 01:00:00 to 7.00:00:00" },
        { "a page size of zero", o => o.PageSize = 0, $"{S}:PageSize 0 must be from 1 to 1000" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_ABadSetting_IsNamedByItsKeyAndValue(string label, Action<CalendarFeedOptions> spoil, string expected)
    {
        var options = Valid();
        spoil(options);

        var result = CalendarFeedOptionsValidator.Check(options, Graph);

        result.Failures.Should().ContainSingle(label).Which.Should().StartWith(expected, label);
    }

    [Fact]
    public void Validate_ACalendarBesideTheFolderMailbox_IsRefused_SayingItSignsInAsTheGraphMailbox()
    {
        CalendarFeedOptionsValidator.Check(Valid(), new MailboxOptions()).Failures.Should().ContainSingle()
            .Which.Should().Be($"{S}:Mailbox \"events@hq.example.com\" is set but MailOps:Mailbox:Kind is \"Folder\": the calendar is read through Microsoft Graph with the Graph mailbox's sign-in; set MailOps:Mailbox:Kind to Graph (and its section MailOps:Mailbox:Graph), or remove {S}:Mailbox.");
    }

    [Fact]
    public void Validate_TheDefaults_WithAMailbox_Pass_AndWithoutOne_AreNotLookedAt()
    {
        var defaults = new CalendarFeedOptions();

        (defaults.WindowBack, defaults.WindowAhead, defaults.WindowMovesEvery, defaults.PageSize, defaults.Calendar).Should().Be((TimeSpan.FromDays(35), TimeSpan.FromDays(120), TimeSpan.FromDays(1), 50, (string?)null));
        CalendarFeedOptionsValidator.Check(Valid(), Graph).Succeeded.Should().BeTrue();
        new CalendarFeedOptionsValidator(Options.Create(new MailboxOptions())).Validate(null, defaults).Skipped.Should().BeTrue("no mailbox: no calendar is read");
    }
}
