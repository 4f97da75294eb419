using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>Every reason parsing can give reaches the person it asks for, through the real store: none is dropped on the way.</summary>
public sealed class TriageReachTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Judge_EveryNonMatchReason_ReachesTriageOrAcceptance_AsItsDispositionSays()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        var reasons = Enum.GetValues<NonMatchReason>();
        foreach (var reason in reasons)
        {
            var id = NonMatchReasons.Name(reason);
            store.TryRecord(
                new StoredMessage { Id = id, InternetMessageId = $"<{id}@example.com>", Subject = id, Received = _time.GetUtcNow().AddHours(-1), SecondKey = id },
                new StoredOutcome { MessageId = $"<{id}@example.com>", Reason = reason, Report = "callcenter-daily", Unit = "callcenter", Period = "2026-11-23", Received = _time.GetUtcNow().AddHours(-1) });
        }

        var snapshot = new Assessor(ShippedRegime.Regime, new AssessmentOptions()).Judge(store, _time.GetUtcNow());

        foreach (var reason in reasons)
        {
            var name = NonMatchReasons.Name(reason);
            var (inTriage, heldForAcceptance) = NonMatchReasons.Disposition(reason) switch
            {
                NonMatchDisposition.Triage => (true, false),
                NonMatchDisposition.Acceptance => (false, true),
                _ => (false, false),
            };
            snapshot.Triage.Any(t => t.Reason == name).Should().Be(inTriage, "{0} is {1}", name, NonMatchReasons.Disposition(reason));
            snapshot.Unauthenticated.Any(t => t.Reason == name).Should().Be(heldForAcceptance, "{0} is {1}", name, NonMatchReasons.Disposition(reason));
        }

        snapshot.Triage.Should().Contain(t => t.Reason == "handling-failed").And.Contain(t => t.Reason == "reply-to-notice").And.Contain(t => t.Reason == "reply-with-content");
    }

    [Fact]
    public void AllOutcomes_AReasonThisMailOpsDoesNotKnow_IsAStoreError_NotSilentlyDropped()
    {
        using (var store = MailStore.Open(_folder["mailops.db"], _time))
        {
            store.TryRecord(new StoredMessage { Id = "a", SecondKey = "a" }, new StoredOutcome { MessageId = "<a@example.com>", Reason = NonMatchReason.Ambiguous });
        }

        using (var raw = new LiteDB.LiteDatabase(_folder["mailops.db"]))
        {
            var outcomes = raw.GetCollection("outcomes");
            var document = outcomes.FindById("a");
            document["Reason"] = "reason-from-the-future";
            outcomes.Update(document);
        }

        using var reopened = MailStore.Open(_folder["mailops.db"], _time);
        var read = () => reopened.AllOutcomes();

        read.Should().Throw<StoreException>().WithMessage("*\"reason-from-the-future\"*");
    }
}
