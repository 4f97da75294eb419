using MailOps.Compliance.Catalog;
using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>Every bad notification setting is refused at start, naming its key.</summary>
public sealed class NotificationOptionsValidatorTests
{
    private static readonly Dictionary<string, Action<NotificationOptions>> BadSettings = new(StringComparer.Ordinal)
    {
        ["a language without templates"] = o => o.Language = "fr",
        ["a digest time that is no time"] = o => o.DigestAt = "9am",
        ["a working day starting at 25:00"] = o => o.WorkdayStart = "25:00",
        ["a working day ending before it starts"] = o => (o.WorkdayStart, o.WorkdayEnd) = ("18:00", "09:00"),
        ["a working day ending as it starts"] = o => (o.WorkdayStart, o.WorkdayEnd) = ("09:00", "09:00"),
        ["a digest at the working day's end, which would never go"] = o => o.DigestAt = "21:00",
        ["a default timing that is a bare number"] = o => o.Nudges.Default = "80",
        ["a default share over 100%"] = o => o.Nudges.Default = "120%",
        ["a category timing with a bad lead"] = o => o.Nudges.ByCategory["special"] = "-2h",
        ["a report timing that is a word"] = o => o.Nudges.ByReport["callcenter-daily"] = "soon",
        ["an unknown category"] = o => o.Nudges.ByCategory["urgent"] = "80%",
        ["a category written as its number"] = o => o.Nudges.ByCategory["1"] = "80%",
        ["a negative overdue delay"] = o => o.Overdue.After = TimeSpan.FromMinutes(-10),
        ["no digest recipients"] = o => o.Recipients.Digest.Clear(),
        ["a blank monthly recipient"] = o => o.Recipients.Monthly.Add(" "),
        ["no quarterly recipients"] = o => o.Recipients.Quarterly.Clear(),
        ["a blank sender name"] = o => o.SenderName = " ",
        ["a sender name over two lines"] = o => o.SenderName = "MailOps\r\nBcc: everyone@example.com",
        ["a sender name of 65 characters"] = o => o.SenderName = new string('报', 65),
    };

    public static TheoryData<string, string> Refused => new()
    {
        // edge, the key its failure names
        { "a language without templates", "MailOps:Notifications:Language" },
        { "a digest time that is no time", "MailOps:Notifications:DigestAt" },
        { "a working day starting at 25:00", "MailOps:Notifications:WorkdayStart" },
        { "a working day ending before it starts", "MailOps:Notifications:WorkdayEnd" },
        { "a working day ending as it starts", "MailOps:Notifications:WorkdayEnd" },
        { "a digest at the working day's end, which would never go", "MailOps:Notifications:DigestAt" },
        { "a default timing that is a bare number", "MailOps:Notifications:Nudges:Default" },
        { "a default share over 100%", "MailOps:Notifications:Nudges:Default" },
        { "a category timing with a bad lead", "MailOps:Notifications:Nudges:ByCategory:special" },
        { "a report timing that is a word", "MailOps:Notifications:Nudges:ByReport:callcenter-daily" },
        { "an unknown category", "MailOps:Notifications:Nudges:ByCategory:urgent" },
        { "a category written as its number", "MailOps:Notifications:Nudges:ByCategory:1" },
        { "a negative overdue delay", "MailOps:Notifications:Overdue:After" },
        { "no digest recipients", "MailOps:Notifications:Recipients:Digest" },
        { "a blank monthly recipient", "MailOps:Notifications:Recipients:Monthly" },
        { "no quarterly recipients", "MailOps:Notifications:Recipients:Quarterly" },
        { "a blank sender name", "MailOps:Notifications:SenderName" },
        { "a sender name over two lines", "MailOps:Notifications:SenderName" },
        { "a sender name of 65 characters", "MailOps:Notifications:SenderName" },
    };

    private static NotificationOptions Valid() => new()
    {
        Recipients = new RecipientSettings { Digest = ["group.cs"], Monthly = ["group.cs"], Quarterly = ["group.cs.gm", "someone@hq.example.com"] },
    };

    [Fact]
    public void Validate_TheDefaultsWithRecipients_Succeeds()
    {
        new NotificationOptionsValidator().Validate(null, Valid()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Validate_ABadSetting_FailsOnceNamingItsKey(string edge, string key)
    {
        var options = Valid();
        BadSettings[edge](options);

        var result = new NotificationOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue(edge);
        result.Failures.Should().ContainSingle(edge).Which.Should().StartWith(key, edge);
    }

    [Fact]
    public void Validate_TwoCategoriesInOneKey_IsAnUnknownCategory()
    {
        var options = Valid();
        options.Nudges.ByCategory["routine, special"] = "off";

        var result = new NotificationOptionsValidator().Validate(null, options);

        result.Failures.Should().ContainSingle().Which.Should().StartWith("MailOps:Notifications:Nudges:ByCategory:routine, special");
    }

    [Fact]
    public void TheShippedAppsettings_BindAndValidateClean()
    {
        var options = ShippedSettings.Notifications();

        new NotificationOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        options.Language.Should().Be("zh");
        options.SenderName.Should().Be("MailOps 报送助手");
        options.Recipients.Digest.Should().Equal("group.cs");
        options.Recipients.Monthly.Should().Equal("group.cs", "city.hr-admin");
        options.Recipients.Quarterly.Should().Equal("group.cs", "group.cs.gm");
        options.Overdue.After.Should().Be(TimeSpan.FromMinutes(30));
        options.Nudges.ByReport.Should().ContainKey("callcenter-weekly").WhoseValue.Should().Be("10:00");
    }

    [Fact]
    public void Policy_OfTheShippedAppsettings_IsWhatTheyWrite()
    {
        var policy = ShippedSettings.Notifications().Policy();

        policy.ByCategory.Should().ContainKey(ReportCategory.Special).WhoseValue.ToString().Should().Be("opens");
        policy.ByReport.Keys.Should().BeEquivalentTo("callcenter-weekly", "warranty-weekly", "site-open-daily", "delivery-daily");
        policy.WorkdayStart.Should().Be(new TimeOnly(9, 0));
        policy.WorkdayEnd.Should().Be(new TimeOnly(21, 0));
        policy.OverdueAfter.Should().Be(TimeSpan.FromMinutes(30));
    }
}
