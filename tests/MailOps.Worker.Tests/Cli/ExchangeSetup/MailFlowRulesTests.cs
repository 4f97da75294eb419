using MailOps.Worker.Cli.ExchangeSetup;

namespace MailOps.Worker.Tests.Cli.ExchangeSetup;

public sealed class MailFlowRulesTests
{
    private static readonly string[] Patterns = ["日[报報]", "[周週][报報]", "月[报報]"];
    private static readonly string[] Mailbox = ["reports@hq.example.com"];

    [Fact]
    public void Split_SmallDirectory_IsOneRuleUnderItsName()
    {
        var rules = MailFlowRules.Split("MailOps report copy", "reports@hq.example.com", ["a@x.example.com", "b@x.example.com"], Patterns);

        rules.Should().ContainSingle().Which.Name.Should().Be("MailOps report copy");
    }

    [Fact]
    public void Split_ThousandSubmitters_EveryRuleWithinTheBudgetAndTogetherEverySenderWithEveryPattern()
    {
        var senders = Enumerable.Range(1, 1000).Select(i => $"submitter.number{i:D4}@city{i % 40}.example.com").ToList();

        var rules = MailFlowRules.Split("MailOps report copy", "reports@hq.example.com", senders, Patterns);

        rules.Should().HaveCountGreaterThan(1);
        rules.Should().OnlyContain(r => MailFlowRules.Size(r.Senders) + MailFlowRules.Size(r.Patterns) + MailFlowRules.Size(Mailbox) <= MailFlowRules.RuleBudget);
        rules.Should().OnlyContain(r => r.Patterns.SequenceEqual(Patterns), "the patterns fit in one chunk, so every rule carries all of them");
        rules.SelectMany(r => r.Senders).Should().Equal(senders);
        rules.Select(r => r.Name).Should().OnlyHaveUniqueItems().And.Contain($"MailOps report copy 1/{rules.Count}");
        rules.Should().OnlyContain(r => r.Name.Length <= 64);
    }

    [Fact]
    public void Split_ManyPatternsToo_PairsEverySenderChunkWithEveryPatternChunk()
    {
        var senders = Enumerable.Range(1, 400).Select(i => $"submitter.number{i:D4}@example.com").ToList();
        var patterns = Enumerable.Range(1, 300).Select(i => $"keyword{i:D3}[报報]").ToList();

        var rules = MailFlowRules.Split("r", "reports@hq.example.com", senders, patterns);

        var pairs = rules.SelectMany(r => r.Senders.SelectMany(s => r.Patterns.Select(p => (s, p)))).ToHashSet();
        pairs.Should().HaveCount(senders.Count * patterns.Count, "together the rules match exactly what one rule would");
        rules.Should().OnlyContain(r => MailFlowRules.Size(r.Senders) + MailFlowRules.Size(r.Patterns) + MailFlowRules.Size(Mailbox) <= MailFlowRules.RuleBudget);
    }
}
