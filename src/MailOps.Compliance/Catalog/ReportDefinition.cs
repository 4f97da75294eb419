using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Catalog;

public enum ReportCategory
{
    Routine,
    Special,
    Assessment,
}

public enum Channel
{
    Email,
    Sms,
    Phone,
}

/// <summary>One report of the regime: who owes it, by when, to whom, and what it must carry.</summary>
public sealed record ReportDefinition
{
    /// <summary>The public id from the report matrix, such as <c>callcenter-daily</c>.</summary>
    public required string Id { get; init; }

    public required LocalizedText Name { get; init; }

    public required ReportCategory Category { get; init; }

    /// <summary>The kind of unit that owes it.</summary>
    public required UnitKind Owner { get; init; }

    /// <summary>The submitter role key, such as <c>callcenter.duty</c>.</summary>
    public required string SubmitterRole { get; init; }

    public required Channel Channel { get; init; }

    /// <summary>Whether MailOps watches for it; only watched reports generate obligations.</summary>
    public required bool Monitored { get; init; }

    /// <summary>Whether units of <see cref="Owner"/>'s kind owe it without opting in.</summary>
    public required bool Enabled { get; init; }

    public required DeadlineRule Deadline { get; init; }

    /// <summary>What happens to a due date that falls on a non-working day.</summary>
    public required NonWorkingDayPolicy NonWorkingDay { get; init; }

    /// <summary>Role keys that must be among the To recipients (主送).</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Role keys that must be among the To or CC recipients (抄送).</summary>
    public required IReadOnlyList<string> Cc { get; init; }

    /// <summary>Groups of subject keywords: a subject matches when it holds every word of any one group.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Keywords { get; init; }

    /// <summary>Regular expressions over the normalized subject.</summary>
    public required IReadOnlyList<string> Patterns { get; init; }

    /// <summary>
    /// Words that make a subject another document though a keyword group or pattern matches it: a duty roster
    /// (长假值班安排) is no duty summary. None by default; none is part of the report's name or of its keywords.
    /// </summary>
    public IReadOnlyList<string> ExcludeWords { get; init; } = [];

    public required ContentRequirements Content { get; init; }

    public string? Note { get; init; }
}
