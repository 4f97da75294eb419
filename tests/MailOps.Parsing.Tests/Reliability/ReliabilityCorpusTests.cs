using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Reliability;

/// <summary>
/// The reliability corpus (Reliability/messages): hostile and odd mail as the field sends it (poison headers,
/// auto-replies and bounces without the standard headers, replies to MailOps's own notices, spoof variants),
/// each .eml beside the .expected.json that says what parsing must make of it. Reliability/README.md lists them.
/// </summary>
public sealed class ReliabilityCorpusTests
{
    public static TheoryData<string> Messages() => GoldenCase.Names(Files.ReliabilityFolder);

    [Fact]
    public void Corpus_EachMessageHasItsExpectation()
    {
        Directory.GetFiles(Files.ReliabilityFolder, "*.eml").Should().NotBeEmpty()
            .And.OnlyContain(m => File.Exists(Path.ChangeExtension(m, ".expected.json")));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_ReliabilityMessage_GivesItsExpectedResult(string name) => GoldenCase.Check(Files.ReliabilityFolder, name);
}
