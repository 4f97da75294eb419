using System.Text;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Tests.Support;
using MimeKit;
using MimeKit.Text;
using MimeKit.Tnef;
using Xunit.Abstractions;

namespace MailOps.Parsing.Tests.Reading;

public sealed class BodyTextTests(ITestOutputHelper output)
{
    private static MimeMessage Message(string headersAndBody) => Message(Encoding.Latin1.GetBytes(headersAndBody));

    private static MimeMessage Message(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(stream);
    }

    // The body as BodyText reads it, which is what MimeKit reads.
    private static string? Read(MimeMessage message, TextFormat format)
    {
        var read = BodyText.Of(message, format);
        read.Should().Be(message.GetTextBody(format), "BodyText reads what MimeKit reads");
        return read;
    }

    private static string Part(string contentType, string body, string encoding = "8bit") =>
        $"From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}";

    [Fact]
    public void Of_ADeclaredCharset_DecodesByIt_AndCrlfBecomesLf()
    {
        var gb = Encoding.GetEncoding("gb2312").GetBytes("来电总量\r\n120\r\n");
        var raw = Encoding.ASCII.GetBytes(Part("text/plain; charset=gb2312", Convert.ToBase64String(gb), "base64"));

        Read(Message(raw), TextFormat.Plain).Should().Be("来电总量\n120\n");
    }

    [Fact]
    public void Of_NoCharsetAndBytesThatAreNotUtf8_FallsBackToLatin1()
    {
        Read(Message(Part("text/plain", "caf\u00e9 \u00ff")), TextFormat.Plain).Should().Be("caf\u00e9 \u00ff");
    }

    [Fact]
    public void Of_AnHtmlBodyWithoutCharset_ReadsItsMetaTag()
    {
        var html = Encoding.GetEncoding("gbk").GetBytes("<html><head><meta charset=\"gbk\"></head><body>日报</body></html>");
        var raw = Encoding.ASCII.GetBytes(Part("text/html", Convert.ToBase64String(html), "base64"));

        Read(Message(raw), TextFormat.Html).Should().Contain("日报");
    }

    [Fact]
    public void Of_ALoneCarriageReturn_StaysInsideTheTextAndGoesAtItsEnd()
    {
        Read(Message(Part("text/plain; charset=us-ascii", "a\rb\r\r\nc\r")), TextFormat.Plain).Should().Be("a\rb\r\nc");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html; charset=utf-8")]
    public void Of_ABodyCutInTheMiddleOfACharacter_LosesOnlyThatCharacter(string contentType)
    {
        var head = Encoding.ASCII.GetBytes(Part(contentType, ""));
        var body = Encoding.UTF8.GetBytes("<table><tr><td>来电总量</td></tr></table>");
        var raw = head.Concat(body).Concat(new byte[] { 0xE6, 0x97 }).ToArray();

        Read(Message(raw), TextFormat.Html).Should().Be("<table><tr><td>来电总量</td></tr></table>");
    }

    [Fact]
    public void Of_FormatFlowed_IsJoined()
    {
        Read(Message(Part("text/plain; charset=us-ascii; format=flowed", "one \r\ntwo\r\n")), TextFormat.Plain).Should().Be("one two\n");
    }

    [Fact]
    public void Of_AFormatTheMessageLacks_IsNull_AndAnAttachedTextIsNoBody()
    {
        var attached = "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nx";

        Read(Message(Part("text/plain", "x")), TextFormat.Html).Should().BeNull();
        Read(Message(attached), TextFormat.Plain).Should().BeNull();
    }

    [SkippableFact]
    public void Of_EveryCorpusMessage_IsWhatMimeKitsOwnBodiesAre()
    {
        var shared = Path.Combine(Files.RepositoryRoot().FullName, "..", "shared", "corpora");
        Skip.IfNot(Directory.Exists(shared), $"../shared/corpora is not beside the clone ({Path.GetFullPath(shared)}); the corpus comparison needs it.");
        var folders = new[] { Files.CorpusFolder, Files.ReliabilityFolder, Path.Combine(Files.RepositoryRoot().FullName, "tests", "MailOps.Parsing.Tests", "Invitations", "messages"), shared };
        var compared = 0;
        foreach (var file in folders.SelectMany(f => Directory.GetFiles(f, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            MimeMessage message;
            try
            {
                message = Message(File.ReadAllBytes(file));
            }
            catch (FormatException)
            {
                continue;
            }

            var messages = new List<MimeMessage> { message };
            messages.AddRange(message.BodyParts.OfType<TnefPart>().Select(tnef => tnef.ConvertToMessage()));
            foreach (var each in messages)
            {
                foreach (var format in new[] { TextFormat.Plain, TextFormat.Html })
                {
                    BodyText.Of(each, format).Should().Be(each.GetTextBody(format), $"{file} ({format})");
                    compared++;
                }
            }
        }

        compared.Should().BeGreaterThan(600);
        output.WriteLine($"{compared} bodies read alike");
    }
}
