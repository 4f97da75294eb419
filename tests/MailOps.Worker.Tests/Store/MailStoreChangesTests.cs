using MailOps.Compliance.Evaluation;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Store;

/// <summary>
/// The store's journal of what judging reads: the outcomes written since a reader's version, whether entries or
/// dismissals changed, and nothing to follow from once the file failed (every reader reads afresh). And a person's
/// decision on a held message stands: a report dismissed cannot be accepted after.
/// </summary>
public sealed class MailStoreChangesTests : IDisposable
{
    private const string Unauthenticated = "2026-11-09T1018-wy-sc-warranty-weekly-unauthenticated.eml";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(SampleMonth.Morning);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ChangesSince_NamesTheOutcomesWrittenAndSaysWhetherEntriesAndDismissalsChanged()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        var read = store.ChangeVersion;

        store.Accept(Unauthenticated, "李娜", "已电话核实");
        store.AddManualEntry(new StoredManualEntry { Kind = ManualEntryKinds.Name(ManualEntryKind.Wrong), Unit = "wy-sc-warranty", ObligationKey = "warranty-weekly/wy-sc-warranty/2026-W45", EffectiveDate = "2026-11-24", Points = 5, Reason = "数据有误", Author = "李娜" });

        var changes = store.ChangesSince(read);
        changes.Should().NotBeNull();
        changes!.Outcomes.Should().Equal(StoreKeys.Of(Unauthenticated));
        changes.Entries.Should().BeTrue();
        changes.Dismissals.Should().BeFalse();
        store.ChangesSince(changes.Version)!.Any.Should().BeFalse("nothing was written since");
        store.ChangesSince(changes.Version + 1).Should().BeNull("a version this store never gave is none to follow from");
    }

    [Fact]
    public async Task Accept_OfAReportAPersonDismissed_IsRefused_SayingWhoDismissedIt()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        store.Dismiss(Unauthenticated, "周敏", "伪造的发件人");

        var accept = () => store.Accept(Unauthenticated, "李娜", "已电话核实");

        accept.Should().Throw<StoreException>().WithMessage("*dismissed by 周敏*伪造的发件人*");
        store.Outcome(Unauthenticated)!.AcceptedBy.Should().BeNull();
    }

    [Fact]
    public async Task Accept_ASecondTime_IsRefused_TheFirstAcceptanceStands()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        store.Accept(Unauthenticated, "李娜", "已电话核实");

        var again = () => store.Accept(Unauthenticated, "周敏", "再次接受");

        again.Should().Throw<StoreException>();
        store.Outcome(Unauthenticated)!.AcceptedBy.Should().Be("李娜");
    }

    [Fact]
    public async Task MessageCount_CountedOnce_FollowsWhatEachPageStores_RepeatsLeftOut()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        var before = store.MessageCount;
        static StoredMessage Message(string id) => new() { Id = id, SecondKey = $"second/{id}", Received = SampleMonth.Morning };

        store.RecordPage([(Message("new-1"), null), (Message("new-2"), null), (Message("new-1"), null)]);

        store.MessageCount.Should().Be(before + 2, "a repeat within the page is stored once");
    }

    [SkippableFact]
    public void ChangesSince_AfterTheFileFailed_IsNull_EveryReaderReadsAfresh()
    {
        using var small = SmallFileSystem.TryMount(_folder["small"], megabytes: 4, out var why);
        Skip.If(small is null, $"no small file system to fill: {why}");
        using var store = MailStore.Open(_folder["small/mailops.db"], _time);
        var read = store.ChangeVersion;
        small!.Fill();

        // The log is written behind a commit: the fault shows at a write or two later.
        StoreFaultException? fault = null;
        for (var i = 0; i < 50 && fault is null; i++)
        {
            try
            {
                store.AddManualEntry(new StoredManualEntry { Kind = ManualEntryKinds.Name(ManualEntryKind.Wrong), Unit = "callcenter", ObligationKey = "callcenter-daily/callcenter/2026-11-23", EffectiveDate = "2026-11-24", Points = 5, Reason = new string('长', 100_000), Author = "李娜" });
            }
            catch (StoreFaultException ex)
            {
                fault = ex;
            }
        }

        fault.Should().NotBeNull("a full disk fails the store's writes");
        store.ChangesSince(read).Should().BeNull("what the journal said before the fault may not be what the file holds");
        small.Free();
    }
}
