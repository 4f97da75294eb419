using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Invitations;

public sealed class InvitationCorpusTests
{
    public static TheoryData<string> Messages() => GoldenCase.Names(InvitationCase.Folder);

    [Fact]
    public void Corpus_EachMessageHasItsExpectation()
    {
        var messages = Directory.GetFiles(InvitationCase.Folder, "*.eml");

        messages.Should().HaveCountGreaterThanOrEqualTo(14);
        messages.Should().OnlyContain(m => File.Exists(Path.ChangeExtension(m, ".expected.json")));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Read_CorpusInvitation_GivesItsExpectedResult(string name) => InvitationCase.Check(name);
}
