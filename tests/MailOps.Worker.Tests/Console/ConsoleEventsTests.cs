using System.Net;
using MailOps.Worker.Store;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// The console's events page: every event from every source with the reports it makes owed; a reviewer declares one
/// (its obligations appear at once, judged with the store's events) and cancels one (kept, cancelled, with who and why).
/// </summary>
public sealed class ConsoleEventsTests : IAsyncLifetime
{
    private RunningConsole _console = null!;

    public async Task InitializeAsync() => _console = await RunningConsole.StartAsync();

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task DeclaringAnEvent_MakesItsReportsOwed_AndTheEventsPageListsThem()
    {
        using var client = await _console.SignedInAsync();
        _console.Store.Events().Should().NotBeEmpty("the worker's first beat, which the console waited for, imported the events file");

        using var answer = await RunningConsole.PostFormAsync(client, "/events", "Declare", new Dictionary<string, string>
        {
            ["kind"] = "customer-activity", ["unit"] = "zz-crm", ["start"] = "2026-11-27T14:00", ["end"] = "2026-11-27T17:00", ["project"] = "示例·中原府", ["note"] = "业主感恩节活动",
        });
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var declared = _console.Store.Event("zz-crm-2026-11-27-customer-activity")!;
        (declared.Source, declared.Unit, declared.IsCancelled).Should().Be((EventSource.Person, "zz-crm", false));
        declared.SourceRef.Should().EndWith("(one-time link)", "declared under the signed-in person");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/events"));
        page.Should().Contain("已声明事件 zz-crm-2026-11-27-customer-activity").And.Contain("/obligation/customer-event-flash/zz-crm/zz-crm-2026-11-27-customer-activity");
        (await client.GetAsync("/obligation/customer-event-flash/zz-crm/zz-crm-2026-11-27-customer-activity")).StatusCode.Should().Be(HttpStatusCode.OK, "the obligation exists as soon as the event does");
    }

    [Fact]
    public async Task CancellingAnEvent_KeepsItAsCancelled_WithWhoAndWhy()
    {
        using var client = await _console.SignedInAsync();
        _console.Store.Event("cd-2026-11-showflat-opening").Should().NotBeNull("the worker's first beat imported the events file");

        using var answer = await RunningConsole.PostFormAsync(client, "/events", "Cancel", new Dictionary<string, string> { ["id"] = "cd-2026-11-showflat-opening", ["reason"] = "开放延期" });

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var held = _console.Store.Event("cd-2026-11-showflat-opening")!;
        (held.IsCancelled, held.CancelReason).Should().Be((true, "开放延期"));
        (await client.GetStringAsync("/events")).Should().Contain("data-event=\"cd-2026-11-showflat-opening\"");
    }
}
