using System.Collections.Concurrent;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Running;

/// <summary>
/// The request folder through which adjudicate and backup reach a running worker: each request is applied at
/// most once, whoever renames it first (the worker claiming it, the command withdrawing it) decides its fate.
/// </summary>
public sealed class WorkerRequestsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Support.Cli.Now);
    private readonly MailStore _store;

    public WorkerRequestsTests() => _store = MailStore.Open(_folder["mailops.db"], _time);

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private static WorkerRequest Judgement() => new(
        WorkerRequests.ManualEntry,
        new StoredManualEntry { Kind = "wrong", Unit = "cq-crm", ObligationKey = "crm-monthly/cq-crm/2026-11", EffectiveDate = "2026-11-30", Points = 5, Reason = "数据与周报不符", Author = "李娜" },
        null,
        "李娜",
        "数据与周报不符");

    [Fact]
    public async Task AServedRequest_IsAppliedOnce_AndAnswered()
    {
        var id = WorkerRequests.Write(_store.Path, Judgement());

        var served = WorkerRequests.Serve(_store);
        var again = WorkerRequests.Serve(_store);
        var answer = await WorkerRequests.WaitAsync(_store.Path, id, TimeSpan.FromSeconds(1), _time, default);

        (served, again).Should().Be((1, 0));
        answer.Should().Be((true, "Recorded entry 1: wrong crm-monthly/cq-crm/2026-11, 5 point(s), by 李娜: 数据与周报不符"));
        _store.AllManualEntries().Should().ContainSingle();
        Directory.EnumerateFiles(WorkerRequests.FolderFor(_store.Path)).Should().BeEmpty();
    }

    [Fact]
    public async Task ARevokeRequest_WithdrawsTheJudgement_AndARevokeOfNoEntrySaysWhich()
    {
        var recorded = WorkerRequests.Write(_store.Path, Judgement());
        WorkerRequests.Serve(_store);
        (await WorkerRequests.WaitAsync(_store.Path, recorded, TimeSpan.FromSeconds(1), _time, default))!.Value.Done.Should().BeTrue();

        var revoke = WorkerRequests.Write(_store.Path, new WorkerRequest(WorkerRequests.Revoke, null, null, "周敏", "核实后数据无误", EntryId: 1));
        var nothing = WorkerRequests.Write(_store.Path, new WorkerRequest(WorkerRequests.Revoke, null, null, "周敏", "核实后数据无误", EntryId: 9));
        WorkerRequests.Serve(_store);

        (await WorkerRequests.WaitAsync(_store.Path, revoke, TimeSpan.FromSeconds(1), _time, default)).Should().Be(
            (true, "Revoked entry 1: wrong crm-monthly/cq-crm/2026-11, 5 point(s), by 李娜: 数据与周报不符; revoked by 周敏: 核实后数据无误"));
        (await WorkerRequests.WaitAsync(_store.Path, nothing, TimeSpan.FromSeconds(1), _time, default)).Should().Be(
            (false, "there is no entry 9: the entries recorded are 1 to 1."));
        _store.AllManualEntries().Should().ContainSingle().Which.RevokedBy.Should().Be("周敏");
    }

    [Fact]
    public async Task AnAnswer_AppearsWhole_AndOnlyOnceTheRequestIsNoLongerTaken()
    {
        // The command reads an answer as soon as it exists, and then expects the folder to be empty.
        var ids = Enumerable.Range(0, 300).Select(_ => WorkerRequests.Write(_store.Path, Judgement())).ToList();
        var folder = WorkerRequests.FolderFor(_store.Path);
        var wrong = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var answer in Directory.EnumerateFiles(folder, "*.done"))
                {
                    var id = Path.GetFileNameWithoutExtension(answer);
                    var taken = File.Exists(Path.Combine(folder, id + ".taken"));
                    var text = File.ReadAllText(answer);
                    if (taken || text.Length == 0)
                    {
                        wrong.Add($"{id}: {(taken ? "still taken" : "")} {(text.Length == 0 ? "empty" : "")}");
                    }
                }
            }
        });

        var served = WorkerRequests.Serve(_store);
        await stop.CancelAsync();
        await watching;

        served.Should().Be(300);
        wrong.Should().BeEmpty();
        foreach (var id in ids)
        {
            (await WorkerRequests.WaitAsync(_store.Path, id, TimeSpan.FromSeconds(1), _time, default))!.Value.Done.Should().BeTrue();
        }

        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }

    [Fact]
    public async Task ARequestWithdrawnUnanswered_IsNeverApplied()
    {
        var id = WorkerRequests.Write(_store.Path, Judgement());

        var answer = await WorkerRequests.WaitAsync(_store.Path, id, TimeSpan.Zero, _time, default);
        var served = WorkerRequests.Serve(_store);

        answer.Should().BeNull("the command gave up and withdrew it");
        served.Should().Be(0);
        _store.AllManualEntries().Should().BeEmpty();
    }

    [Fact]
    public async Task ARequestTheWorkerClaimed_IsNotReportedAsUnrecorded()
    {
        var id = WorkerRequests.Write(_store.Path, Judgement());
        var folder = WorkerRequests.FolderFor(_store.Path);
        File.Move(Path.Combine(folder, id + ".json"), Path.Combine(folder, id + ".taken"));

        var answer = await WorkerRequests.WaitAsync(_store.Path, id, TimeSpan.Zero, _time, default);

        answer.Should().NotBeNull();
        answer!.Value.Done.Should().BeFalse();
        answer.Value.Answer.Should().Contain("took the request but has not answered");
    }

    [Fact]
    public async Task ARequestThatCannotBeApplied_IsAnsweredWithWhy()
    {
        var id = WorkerRequests.Write(_store.Path, new WorkerRequest(WorkerRequests.Accept, null, "<nothing@example.com>", "李娜", "核实无误"));

        WorkerRequests.Serve(_store);
        var answer = await WorkerRequests.WaitAsync(_store.Path, id, TimeSpan.FromSeconds(1), _time, default);

        answer.Should().Be((false, "\"<nothing@example.com>\" is not a stored report held for an unauthenticated sender."));
    }

    [Fact]
    public async Task ABackupRequest_WritesTheSnapshot_AndAFailedOneSaysWhy()
    {
        var target = _folder["backup.db"];
        var first = WorkerRequests.Write(_store.Path, new WorkerRequest(WorkerRequests.Backup, null, null, "mailops backup", "a snapshot", target));
        var second = WorkerRequests.Write(_store.Path, new WorkerRequest(WorkerRequests.Backup, null, null, "mailops backup", "a snapshot", target));

        WorkerRequests.Serve(_store);

        // Both name one target: whichever is served first writes it, the other is refused (never overwritten).
        var answers = new[]
        {
            (await WorkerRequests.WaitAsync(_store.Path, first, TimeSpan.FromSeconds(1), _time, default))!.Value,
            (await WorkerRequests.WaitAsync(_store.Path, second, TimeSpan.FromSeconds(1), _time, default))!.Value,
        };
        answers.Should().ContainSingle(a => a.Done).Which.Answer.Should().Be($"Wrote a snapshot of {_store.Path} to {target}.");
        answers.Should().ContainSingle(a => !a.Done).Which.Answer.Should().Contain(target);
        File.Exists(target).Should().BeTrue();
    }
}
