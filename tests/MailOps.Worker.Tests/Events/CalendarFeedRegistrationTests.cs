using MailOps.Worker.Events;
using MailOps.Worker.Hosting;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using CliRunner = MailOps.Worker.Tests.Support.Cli;

namespace MailOps.Worker.Tests.Events;

/// <summary>The calendar feed in the host: there only when configured, signing in as the Graph mailbox does.</summary>
public sealed class CalendarFeedRegistrationTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private GraphTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string?> GraphSettings() => new(CliStore.Settings(_folder))
    {
        ["MailOps:Mailbox:Kind"] = "Graph",
        ["MailOps:Mailbox:Graph:Mailbox"] = GraphTestServer.Mailbox,
        ["MailOps:Mailbox:Graph:Credential"] = "TestToken",
        ["MailOps:Mailbox:Graph:TestToken"] = GraphTestServer.Token,
        ["MailOps:Mailbox:Graph:BaseUrl"] = _server.BaseUrl,
    };

    [Fact]
    public async Task Host_WithACalendarMailbox_HasAGraphFeed_SharingTheMailboxsSignIn_ThatReadsTheCalendar()
    {
        var settings = GraphSettings();
        settings["MailOps:Events:Calendar:Mailbox"] = GraphTestServer.Mailbox;
        var meeting = _server.AddEvent("客服部月度会议", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(8)));
        using var host = MailOpsHost.Build([], settings, new FakeTimeProvider(CliRunner.Now), configFolder: null, watch: false);

        var feed = host.Services.GetService<ICalendarFeed>();
        var page = await feed!.ReadAsync(null, default);

        feed.Should().BeOfType<GraphCalendarFeed>();
        feed.CursorKey.Should().Be($"GraphCalendar:{GraphTestServer.Mailbox}");
        page.Changed.Select(c => c.ItemId).Should().Equal(meeting);
        host.Services.GetRequiredService<GraphSignIn>().Should().BeSameAs(host.Services.GetRequiredService<GraphSignIn>());
    }

    [Fact]
    public void Host_WithoutACalendarMailbox_HasNoFeed()
    {
        using var host = MailOpsHost.Build([], GraphSettings(), new FakeTimeProvider(CliRunner.Now), configFolder: null, watch: false);

        host.Services.GetService<ICalendarFeed>().Should().BeNull();
    }

    [Fact]
    public async Task Run_WithACalendarBesideTheFolderMailbox_StopsAtStartWithTheKeyNamed()
    {
        var settings = new Dictionary<string, string?>(CliStore.Settings(_folder)) { ["MailOps:Events:Calendar:Mailbox"] = "events@hq.example.com" };

        // A backstop against a worker that starts after all: the refusal comes before the host runs.
        var run = await CliRunner.RunAsync(settings, "run").WaitAsync(TimeSpan.FromMinutes(2));

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Events:Calendar:Mailbox \"events@hq.example.com\" is set but MailOps:Mailbox:Kind is \"Folder\"");
    }
}
