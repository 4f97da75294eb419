namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>One mail flow rule: a message from any of <see cref="Senders"/> whose subject matches any of <see cref="Patterns"/> is blind-copied to the mailbox.</summary>
internal sealed record MailFlowRule(string Name, IReadOnlyList<string> Senders, IReadOnlyList<string> Patterns);

/// <summary>
/// Splits the senders and subject patterns into rules that each stay within Exchange Online's limits
/// (https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#journal-transport-and-inbox-rule-limits):
/// a rule holds at most 8 KB of characters in its conditions, exceptions and actions, an organisation at most 300 rules,
/// and all its rules' regular expressions together at most 20 KB of characters.
/// </summary>
internal static class MailFlowRules
{
    public const int RuleSizeLimit = 8 * 1024;

    public const int OrganizationRuleLimit = 300;

    public const int OrganizationPatternLimit = 20 * 1024;

    /// <summary>
    /// What a rule may hold here: Exchange counts the rule as it stores it, which adds to each value, so a quarter of
    /// the limit is kept back and each value counts <see cref="PerValue"/> characters more than its own.
    /// </summary>
    public const int RuleBudget = RuleSizeLimit * 3 / 4;

    public const int PerValue = 8;

    /// <summary>The longest a rule's name may be (Exchange allows 64) before the <c> 10/12</c> a split adds.</summary>
    public const int NameLimit = 64 - 6;

    public static int Size(IEnumerable<string> values) => values.Sum(v => v.Length + PerValue);

    /// <summary>
    /// The rules for <paramref name="senders"/> and <paramref name="patterns"/>: one when both fit in one; otherwise the
    /// patterns in as few chunks as fit in half a rule, and the senders in chunks that fit beside the largest of those,
    /// every sender chunk with every pattern chunk, so that together they match exactly what one rule would.
    /// </summary>
    public static IReadOnlyList<MailFlowRule> Split(string name, string mailbox, IReadOnlyList<string> senders, IReadOnlyList<string> patterns)
    {
        var action = Size([mailbox]);
        if (Size(senders) + Size(patterns) + action <= RuleBudget)
        {
            return [new MailFlowRule(name, senders, patterns)];
        }

        var patternChunks = Chunks(patterns, (RuleBudget - action) / 2);
        var senderChunks = Chunks(senders, RuleBudget - action - patternChunks.Max(Size));
        var pairs = senderChunks.SelectMany(s => patternChunks.Select(p => (Senders: s, Patterns: p))).ToList();
        return [.. pairs.Select((pair, i) => new MailFlowRule($"{name} {i + 1}/{pairs.Count}", pair.Senders, pair.Patterns))];
    }

    private static List<IReadOnlyList<string>> Chunks(IReadOnlyList<string> values, int budget)
    {
        var chunks = new List<IReadOnlyList<string>>();
        var chunk = new List<string>();
        var size = 0;
        foreach (var value in values)
        {
            if (chunk.Count > 0 && size + Size([value]) > budget)
            {
                chunks.Add(chunk);
                chunk = [];
                size = 0;
            }

            chunk.Add(value);
            size += Size([value]);
        }

        chunks.Add(chunk);
        return chunks;
    }
}
