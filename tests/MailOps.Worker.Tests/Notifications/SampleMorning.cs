using MailOps.Worker.Assessment;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>The sample month ingested once into a store, judged at any instant: for the mail tests that read real findings and triage.</summary>
public sealed class SampleMorning : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(SampleMonth.Morning);
    private MailStore? _store;

    public async Task InitializeAsync()
    {
        _store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(_store, _folder, _time);
    }

    // xUnit calls both; the work is in Dispose.
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }

    internal Snapshot Judge(DateTimeOffset asOf) => new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment()).Judge(_store!, asOf);
}
