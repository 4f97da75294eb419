using MailOps.Worker.Hosting;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Hosting;

/// <summary>
/// Every setting under <c>MailOps:</c> against the options classes the host registers: a key no class has and a value
/// the binder cannot convert are each one sentence naming the key, the value and the fix.
/// </summary>
public sealed class SettingsCheckTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        using var host = MailOpsHost.Build([], values, new FakeTimeProvider(), configFolder: null, watch: true);
        return host.Services.GetRequiredService<SettingsCheck>().Problems(host.Services.GetRequiredService<IConfiguration>());
    }

    [Fact]
    public void Problems_TheShippedSettings_HasNone()
    {
        Problems().Should().BeEmpty("appsettings.json uses only settings MailOps has");
    }

    [Theory]
    [InlineData("a report's own nudge timing (a dictionary key)", "MailOps:Notifications:Nudges:ByReport:crm-monthly", "-02:00")]
    [InlineData("a list item", "MailOps:Notifications:Recipients:Digest:3", "group.cs")]
    [InlineData("a key in other casing", "mailops:worker:ingestinterval", "00:01:00")]
    [InlineData("an empty optional date", "MailOps:Assessment:Since", "")]
    [InlineData("an empty list, as JSON's [] reaches configuration", "MailOps:Parsing:InternalDomains", "")]
    [InlineData("a Graph setting while the folder mailbox is read", "MailOps:Mailbox:Graph:PageSize", "50")]
    public void Problems_ASettingMailOpsHas_IsFine(string label, string key, string value)
    {
        Problems((key, value)).Should().BeEmpty(label);
    }

    [Theory]
    [InlineData("MailOps:Running:IngestInterval", "7m", "MailOps:Running:IngestInterval \"7m\" is not a setting MailOps knows; did you mean MailOps:Worker:IngestInterval?")]
    [InlineData("MailOps:Stor:Path", "x.db", "MailOps:Stor:Path \"x.db\" is not a setting MailOps knows; did you mean MailOps:Store:Path?")]
    [InlineData("MailOps:Mailbox:IsGraph", "true", "MailOps:Mailbox:IsGraph \"true\" is not a setting MailOps knows; the settings of MailOps:Mailbox are Kind.")]
    [InlineData("MailOps:Worker:IngestInterval", "7m", "MailOps:Worker:IngestInterval \"7m\" is not a duration; write [d.]hh:mm:ss, such as 00:05:00 for five minutes or 1.00:00:00 for a day.")]
    [InlineData("MailOps:Notifications:Overdue:Enabled", "yes", "MailOps:Notifications:Overdue:Enabled \"yes\" is not true or false.")]
    [InlineData("MailOps:Mailbox:Folder:PageSize", "100.5", "MailOps:Mailbox:Folder:PageSize \"100.5\" is not a whole number, such as 30.")]
    [InlineData("MailOps:Mailbox:Graph:StartDate", "yesterday", "MailOps:Mailbox:Graph:StartDate \"yesterday\" is not an instant with its offset, such as 2026-11-01T00:00:00+08:00.")]
    [InlineData("MailOps:Notifications:Nudges", "80%", "MailOps:Notifications:Nudges \"80%\" is a group of settings, not one; set the settings inside it, such as MailOps:Notifications:Nudges:Default.")]
    [InlineData("MailOps:Notifications:Recipients:Digest:first", "group.cs", "MailOps:Notifications:Recipients:Digest:first \"group.cs\" is not a setting MailOps knows; MailOps:Notifications:Recipients:Digest is a list: number its items, MailOps:Notifications:Recipients:Digest:0, MailOps:Notifications:Recipients:Digest:1 and so on.")]
    public void Problems_ABadSetting_IsOneSentenceNamingKeyValueAndFix(string key, string value, string expected)
    {
        Problems((key, value)).Should().ContainSingle().Which.Should().Be(expected);
    }

    [Fact]
    public void Problems_AMisspeltSecret_IsNamedWithoutItsValue()
    {
        Problems(("MailOps:Mailbox:Graph:ClientSecrett", "hush-hush")).Should().ContainSingle()
            .Which.Should().Be("MailOps:Mailbox:Graph:ClientSecrett is not a setting MailOps knows; did you mean MailOps:Mailbox:Graph:ClientSecret?");
    }

    [Fact]
    public async Task Ingest_WithAValueThatDoesNotConvert_ExitsWithTheSameLineAsRun()
    {
        using var folder = new TempFolder();
        var settings = CliStore.Settings(folder);
        settings["MailOps:Mailbox:Folder:SettleTime"] = "2s";

        var run = await Support.Cli.RunAsync(settings, "ingest");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Be($"mailops: MailOps:Mailbox:Folder:SettleTime \"2s\" is not a duration; write [d.]hh:mm:ss, such as 00:05:00 for five minutes or 1.00:00:00 for a day.{Environment.NewLine}");
    }
}
