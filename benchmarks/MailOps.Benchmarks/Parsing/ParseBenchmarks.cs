using BenchmarkDotNet.Attributes;
using MailOps.Compliance;
using MailOps.Compliance.Common;
using MailOps.Parsing;
using MimeKit;

namespace MailOps.Benchmarks.Parsing;

/// <summary>
/// The whole pipeline (read, screen, classify, check) over the golden corpus against MimeKit's bare
/// <c>MimeMessage.Load</c> of the same messages: issue 14's target is a ratio of at most 3 (BENCHMARKS.md).
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private List<byte[]> _messages = [];
    private MessageParser _parser = null!;

    /// <summary>
    /// <c>All</c>: the whole golden corpus (the target's measurement). <c>NoWorkbook</c>: the messages without an
    /// attached .xlsx, to show what opening workbooks costs.
    /// </summary>
    [Params("All", "NoWorkbook")]
    public string Corpus { get; set; } = "All";

    [GlobalSetup]
    public void Setup()
    {
        var folder = RepositoryFiles.PathOf("tests/MailOps.Parsing.Tests/Corpus/messages");
        _messages = [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        var regime = RegimeLoader.Load(
            new RegimeSources(
                RepositoryFiles.Read("regime/catalog.json"),
                RepositoryFiles.Read("samples/organisation.json"),
                [RepositoryFiles.Read("regime/calendar/2025.json"), RepositoryFiles.Read("regime/calendar/2026.json")],
                RepositoryFiles.Read("samples/events.json")),
            RegimeZone.Shanghai);
        _parser = new MessageParser(regime.Value ?? throw new InvalidOperationException(string.Join(Environment.NewLine, regime.Errors)));
        if (Corpus == "NoWorkbook")
        {
            _messages = [.. _messages.Where(raw => !(_parser.Parse(raw).Message?.Attachments.Any(a => a.FileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true) ?? false))];
        }

        Console.WriteLine($"// Corpus: {_messages.Count} messages, {_messages.Sum(m => (long)m.Length)} bytes");
    }

    [Benchmark(Baseline = true)]
    public int BareMimeKitLoad()
    {
        var parts = 0;
        foreach (var raw in _messages)
        {
            using var stream = new MemoryStream(raw, writable: false);
            parts += MimeMessage.Load(stream).Headers.Count;
        }

        return parts;
    }

    /// <summary>
    /// The bare load, disposing each message: MimeKit's entities have finalizers (that do nothing once disposed or
    /// for a tree over bytes), and a message left to them survives a collection whole. Not the target's baseline;
    /// shown because the pipeline takes its trees off the finalization queue, and this is the bare load that does.
    /// </summary>
    [Benchmark]
    public int BareMimeKitLoadDisposed()
    {
        var parts = 0;
        foreach (var raw in _messages)
        {
            using var stream = new MemoryStream(raw, writable: false);
            using var message = MimeMessage.Load(stream);
            parts += message.Headers.Count;
        }

        return parts;
    }

    [Benchmark]
    public int ParseClassifyCheck()
    {
        var matched = 0;
        foreach (var raw in _messages)
        {
            matched += _parser.Parse(raw).Matched ? 1 : 0;
        }

        return matched;
    }
}
