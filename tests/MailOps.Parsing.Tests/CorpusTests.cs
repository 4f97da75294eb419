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
        return GoldenCase.Names(Files.CorpusFolder);
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
            .Select(f => GoldenCase.Expected.Read(f))
            .Select(e => e.Report)
            .OfType<string>()
            .ToHashSet();

        reports.Should().BeEquivalentTo(TestRegime.Regime.Catalog.Reports.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_CorpusMessage_GivesItsExpectedResult(string name) => GoldenCase.Check(Files.CorpusFolder, name);
}
