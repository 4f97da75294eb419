using System.Text.Json;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests;

/// <summary>
/// The golden corpus (Corpus/messages): each .eml is parsed and compared with the .expected.json beside it.
/// The messages are written by tools/CorpusGenerator; Corpus/README.md says what each group exercises.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Files.CorpusFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastEightyMessagesEachWithItsExpectation()
    {
        var messages = Directory.GetFiles(Files.CorpusFolder, "*.eml");

        messages.Should().HaveCountGreaterThanOrEqualTo(80);
        messages.Should().OnlyContain(m => File.Exists(Path.ChangeExtension(m, ".expected.json")));
    }

    [Fact]
    public void Corpus_CoversEveryReportOfTheCatalog()
    {
        var reports = Directory.GetFiles(Files.CorpusFolder, "*.expected.json")
            .Select(f => Expected.Read(f))
            .Select(e => e.Report)
            .OfType<string>()
            .ToHashSet();

        reports.Should().BeEquivalentTo(TestRegime.Regime.Catalog.Reports.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_CorpusMessage_GivesItsExpectedResult(string name)
    {
        var expected = Expected.Read(Path.Combine(Files.CorpusFolder, name + ".expected.json"));
        var raw = File.ReadAllBytes(Path.Combine(Files.CorpusFolder, name + ".eml"));

        var outcome = TestRegime.Parser.Parse(raw, expected.ReceivedAt);

        var actual = new Expected(
            expected.Description,
            expected.ReceivedAt,
            outcome.Matched,
            outcome.Reason is { } reason ? NonMatchReasons.Name(reason) : null,
            outcome.ReportId,
            outcome.UnitId,
            outcome.PeriodId,
            [.. outcome.Findings.Select(f => FindingKinds.Name(f.Kind)).Distinct().Order(StringComparer.Ordinal)]);
        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"{name}: {expected.Description}; {outcome.ReasonDetail?.En}; findings: {string.Join(" | ", outcome.Findings.Select(f => f.Detail.En))}");
    }

    private sealed record Expected(
        string Description,
        DateTimeOffset? ReceivedAt,
        bool Matched,
        string? Reason,
        string? Report,
        string? Unit,
        string? Period,
        IReadOnlyList<string> Findings)
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public static Expected Read(string path) =>
            JsonSerializer.Deserialize<Expected>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
    }
}
