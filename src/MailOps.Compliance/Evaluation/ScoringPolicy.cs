namespace MailOps.Compliance.Evaluation;

/// <summary>The points of seed 000 section 4.2.3 and the assessment calendar of seed 004; each can be changed per deployment.</summary>
public sealed record ScoringPolicy
{
    public static ScoringPolicy Default { get; } = new();

    public int StartingScore { get; init; } = 100;

    public int LatePerWorkingDay { get; init; } = 5;

    public int Incomplete { get; init; } = 5;

    public int Wrong { get; init; } = 5;

    public int Missing { get; init; } = 10;

    public int Concealed { get; init; } = 10;

    /// <summary>单项信息最高扣分: the most one report instance can lose.</summary>
    public int CapPerObligation { get; init; } = 10;

    /// <summary>A quarter's books close at the start of this day of the next quarter's first month, when its results are published (季度首月10日前).</summary>
    public int ResultsDay { get; init; } = 10;

    /// <summary>A unit below this monthly score ...</summary>
    public int WatchThreshold { get; init; } = 80;

    /// <summary>... this many months in a row is escalated (seed 004).</summary>
    public int WatchMonths { get; init; } = 3;
}
