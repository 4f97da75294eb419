using MailOps.Parsing.Tests.Support;
using Xunit.Abstractions;

namespace MailOps.Parsing.Tests;

/// <summary>Whatever the bytes, the parser answers with a result, and never with one of its own bugs dressed as "unparseable".</summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    // Exceptions that only a bug in MailOps' own code would raise; MimeKit's format errors are expected.
    private static readonly string[] OwnBugs =
        [nameof(NullReferenceException), nameof(IndexOutOfRangeException), nameof(ArgumentOutOfRangeException), nameof(InvalidCastException), nameof(KeyNotFoundException), nameof(DivideByZeroException)];

    private static void ShouldBeAnAnswer(ParseOutcome outcome, string what)
    {
        outcome.Should().NotBeNull(what);
        outcome.MessageId.Should().NotBeNullOrEmpty(what);
        if (!outcome.Matched)
        {
            outcome.ReasonDetail.Should().NotBeNull(what);
        }

        if (outcome.Reason == NonMatchReason.Unparseable)
        {
            outcome.ReasonDetail!.En.Should().NotContainAny(OwnBugs, what);
        }
    }

    [SkippableFact]
    public void Parse_EveryFileOfTheSharedRealWorldCorpora_GetsAnExplainedResult()
    {
        var folder = Path.Combine(Files.RepositoryRoot().FullName, "..", "shared", "corpora", "mime");
        Skip.IfNot(Directory.Exists(folder), $"../shared/corpora/mime is not beside the clone ({Path.GetFullPath(folder)}); the real-world corpus test needs it.");

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var reasons = new Dictionary<string, int>();
        foreach (var file in files)
        {
            var outcome = TestRegime.Parser.Parse(File.ReadAllBytes(file));
            ShouldBeAnAnswer(outcome, file);
            var key = outcome.Reason is { } r ? NonMatchReasons.Name(r) : "submission";
            reasons[key] = reasons.GetValueOrDefault(key) + 1;
        }

        files.Should().HaveCountGreaterThan(100);
        output.WriteLine($"{files.Count} files: {string.Join(", ", reasons.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
    }

    public static TheoryData<string> Mutations => new() { "truncate", "flip", "delete-lines", "duplicate-headers", "strip-boundaries", "insert-garbage" };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Parse_MutatedMessages_AlwaysGetAResult(string mutation)
    {
        var random = new Random(20261124);
        var originals = Originals();
        var count = 0;
        foreach (var original in originals)
        {
            for (var i = 0; i < 8; i++)
            {
                var mutated = Mutate(mutation, original, random);
                ShouldBeAnAnswer(TestRegime.Parser.Parse(mutated), $"{mutation} #{i} of a {original.Length}-byte message");
                count++;
            }
        }

        count.Should().BeGreaterThan(50);
    }

    [Fact]
    public void Parse_RandomBytesAndPathologicalShapes_GetAResult()
    {
        var random = new Random(7);
        var inputs = new List<byte[]>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            inputs.Add(bytes);
        }

        inputs.Add(Deeply("multipart/mixed", 5000));
        inputs.Add(System.Text.Encoding.ASCII.GetBytes("Subject: " + new string('x', 2_000_000) + "\r\n\r\nbody"));
        inputs.Add(System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Received: from a by b; Mon, 23 Nov 2026 20:40:12 +0800\r\n", 20000)) + "\r\n"));
        inputs.Add(Mail.Bytes(Mail.DailyReport("呼叫中心信息日报 12月")) is var far ? System.Text.Encoding.Latin1.GetBytes(System.Text.Encoding.Latin1.GetString(far).Replace("2026 20:40:12", "9999 20:40:12", StringComparison.Ordinal)) : []);
        inputs.Add(System.Text.Encoding.UTF8.GetBytes("From: =?gb2312?B?////?= <a@b>\r\nSubject: =?big5?Q?=A9=49=A5=73?= =?x-unknown?B?AAAA?=\r\n\r\n"));

        foreach (var input in inputs)
        {
            ShouldBeAnAnswer(TestRegime.Parser.Parse(input), $"{input.Length} bytes");
        }
    }

    public static TheoryData<string, int> DeepHtml => new() { { "<b>", 100_000 }, { "<table><tr><td>", 20_000 }, { "<div>", 200_000 } };

    [Theory]
    [MemberData(nameof(DeepHtml))]
    public void Parse_AReportWhoseHtmlNestsWithoutEnd_IsIncompleteRatherThanACrash(string open, int depth)
    {
        var html = string.Concat(Enumerable.Repeat(open, depth)) + "来电总量";

        var outcome = Mail.Parse(Mail.DailyReport(html: html));

        outcome.Matched.Should().BeTrue(outcome.ReasonDetail?.En);
        outcome.Findings.Should().ContainSingle().Which.Detail.En.Should().StartWith("the body's HTML cannot be read");
    }

    private static byte[] Deeply(string type, int depth)
    {
        var text = new System.Text.StringBuilder("From: a@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: {type}; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        text.Append("Content-Type: text/plain\r\n\r\nhello\r\n");
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }

    private static List<byte[]> Originals()
    {
        var corpus = Directory.Exists(Files.CorpusFolder) ? Directory.GetFiles(Files.CorpusFolder, "*.eml").Order(StringComparer.Ordinal).Take(40).Select(File.ReadAllBytes).ToList() : [];
        corpus.Add(Mail.Bytes(Mail.DailyReport()));
        return corpus;
    }

    private static byte[] Mutate(string mutation, byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (mutation)
        {
            case "truncate":
                return bytes[..random.Next(0, bytes.Length)];
            case "flip":
                for (var i = 0; i < 1 + bytes.Length / 200; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            default:
                var lines = System.Text.Encoding.Latin1.GetString(bytes).Split("\n").ToList();
                switch (mutation)
                {
                    case "delete-lines":
                        for (var i = 0; i < 1 + lines.Count / 10 && lines.Count > 1; i++)
                        {
                            lines.RemoveAt(random.Next(lines.Count));
                        }

                        break;
                    case "duplicate-headers":
                        var header = lines.FindIndex(l => l.TrimEnd('\r').Length == 0);
                        for (var i = 0; i < 5 && header > 0; i++)
                        {
                            lines.Insert(0, lines[random.Next(header)]);
                        }

                        break;
                    case "strip-boundaries":
                        lines.RemoveAll(l => l.StartsWith("--", StringComparison.Ordinal));
                        break;
                    case "insert-garbage":
                        var garbage = new byte[random.Next(1, 300)];
                        random.NextBytes(garbage);
                        lines.Insert(random.Next(lines.Count), System.Text.Encoding.Latin1.GetString(garbage));
                        break;
                }

                return System.Text.Encoding.Latin1.GetBytes(string.Join("\n", lines));
        }
    }
}
