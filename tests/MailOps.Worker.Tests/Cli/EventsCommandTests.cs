using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops events list | add | cancel</c> over a store (no worker running): a person's declaration and cancellation
/// are kept with their author in the event's history and the audit trail, listed with the events file's; every
/// mistake on the command line is refused naming the option.
/// </summary>
public sealed class EventsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<CliRun> EventsAsync(params string[] args) => Support.Cli.RunAsync(CliStore.Settings(_folder), ["events", .. args]);

    private MailStore OpenStore() => MailStore.Open(CliStore.StorePath(_folder), new FakeTimeProvider(Support.Cli.Now));

    [Fact]
    public async Task Add_DeclaresTheEvent_AndListShowsItBesideTheEventsFile()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var added = await EventsAsync("add", "--kind", "sales-opening", "--unit", "wx-crm", "--start", "2026-12-12T10:00", "--project", "示例·太湖院", "--author", "zhang.hq");
        added.ExitCode.Should().Be(0, added.Error);
        added.Out.Should().Contain("Declared event wx-crm-2026-12-12-sales-opening");

        var listed = await EventsAsync("list", "--unit", "wx-crm", "--json");
        listed.ExitCode.Should().Be(0, listed.Error);
        var rows = listed.Json.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("id").GetString()).Should().Contain(["wx-crm-2026-12-12-sales-opening", "wx-2026-11-customer-activity"]);
        var opening = rows.Single(r => r.GetProperty("id").GetString() == "wx-crm-2026-12-12-sales-opening");
        (opening.GetProperty("source").GetString(), opening.GetProperty("status").GetString(), opening.GetProperty("start").GetString())
            .Should().Be(("person", "active", "2026-12-12T10:00:00+08:00"));
        rows.Single(r => r.GetProperty("id").GetString() == "wx-2026-11-customer-activity").GetProperty("source").GetString().Should().Be("file");
        var invited = rows.Should().ContainSingle(r => r.GetProperty("source").GetString() == "invitation", "the sample inbox declares Wuxi's Christmas activity by a meeting request").Subject;
        (invited.GetProperty("kind").GetString(), invited.GetProperty("start").GetString(), invited.GetProperty("end").GetString())
            .Should().Be(("customer-activity", "2026-12-24T15:00:00+08:00", "2026-12-24T17:00:00+08:00"));
    }

    [Fact]
    public async Task Cancel_KeepsTheEventAsCancelled_WithWhoAndWhy()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var cancelled = await EventsAsync("cancel", "cd-2026-11-showflat-opening", "--reason", "开放延期", "--author", "zhang.hq");
        cancelled.ExitCode.Should().Be(0, cancelled.Error);
        cancelled.Out.Should().Contain("Cancelled event cd-2026-11-showflat-opening");

        using var store = OpenStore();
        var held = store.Event("cd-2026-11-showflat-opening")!;
        (held.IsCancelled, held.CancelledBy, held.CancelReason, held.CancelledSource).Should().Be((true, "zhang.hq", "开放延期", EventSource.Person));
        store.Audit().Should().Contain(a => a.Action == "event-cancelled" && a.Actor == "zhang.hq");
    }

    [Fact]
    public async Task Cancel_AnEventThatDoesNotExist_NamesTheNearest()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await EventsAsync("cancel", "cd-2026-11-showflat-openin", "--reason", "x", "--author", "zhang.hq");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("id: there is no event \"cd-2026-11-showflat-openin\"").And.Contain("did you mean cd-2026-11-showflat-opening");
    }

    [Theory]
    [InlineData("--kind", "sales-openning", "did you mean sales-opening")]
    [InlineData("--unit", "xx-crm", "no unit \"xx-crm\" in the directory")]
    [InlineData("--start", "2026-13-01", "--start: \"2026-13-01\" is not a local date")]
    public async Task Add_WithABadOption_IsAUsageError_NamingIt(string option, string value, string said)
    {
        var args = new Dictionary<string, string> { ["--kind"] = "sales-opening", ["--unit"] = "wx-crm", ["--start"] = "2026-12-12", ["--author"] = "zhang.hq" };
        args[option] = value;

        var run = await EventsAsync(["add", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(said);
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("nothing is recorded");
    }
}
