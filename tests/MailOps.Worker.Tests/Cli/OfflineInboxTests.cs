using System.Text.Json;
using MailOps.Worker.Assessment;
using MailOps.Worker.Cli;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// The offline commands' throw-away store (<see cref="MailStore.OpenTemporary"/>, no file, no fsync): the sample month
/// read into it evaluates exactly as the same month read into a store file does, and it leaves no store file behind.
/// </summary>
public sealed class OfflineInboxTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_TheSampleMonth_EvaluatesAsAStoreFileDoes()
    {
        var time = new FakeTimeProvider(SampleMonth.Morning);
        using var offline = await OfflineInbox.ReadAsync(ShippedRegime.Parser, SampleMonth.CopyInbox(_folder["offline"]), time, default);
        using var file = MailStore.Open(_folder["store/mailops.db"], time);
        await SampleMonth.IngestAsync(file, _folder, time);

        var fromTemporary = Evaluation(offline.Store);
        fromTemporary.Should().Be(Evaluation(file));
        using var document = JsonDocument.Parse(fromTemporary);
        document.RootElement.GetProperty("obligations").GetArrayLength().Should().BeGreaterThan(50);
        document.RootElement.GetProperty("unmatched").GetArrayLength().Should().BePositive();
        File.Exists(offline.Store.Path).Should().BeFalse("the temporary store keeps no store file");
    }

    private static string Evaluation(MailStore store)
    {
        var options = ShippedSettings.Assessment();
        var assessor = new Assessor(ShippedRegime.Regime, options);
        var snapshot = assessor.Judge(store, SampleMonth.Morning);
        var (from, to) = assessor.Range(SampleMonth.Morning);
        return JsonSerializer.Serialize(EvaluateCommand.Document(ShippedRegime.Regime, options, snapshot, store, from, to), CliJson.Readable.EvaluationJson);
    }
}
