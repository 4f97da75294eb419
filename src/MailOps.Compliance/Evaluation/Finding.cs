using MailOps.Compliance.Common;

namespace MailOps.Compliance.Evaluation;

/// <summary>The kinds of fault of the seed (迟报, 缺报, 错报, 漏报, 瞞报), with missing recipients as a kind of incomplete.</summary>
public enum FindingKind
{
    /// <summary>迟报: received after the deadline.</summary>
    Late,

    /// <summary>缺报: a required form, field, cell or attachment is missing or blank.</summary>
    Incomplete,

    /// <summary>缺报 too: a required To or CC role is not among the recipients.</summary>
    RecipientsMissing,

    /// <summary>错报: the content is wrong; decided by a person.</summary>
    Wrong,

    /// <summary>漏报: never reported.</summary>
    Missing,

    /// <summary>瞒报: deliberately not reported or false; decided by a person.</summary>
    Concealed,
}

/// <summary>One fault found on a report instance, explained in Chinese and English.</summary>
public sealed record Finding(FindingKind Kind, LocalizedText Detail)
{
    /// <summary>Whether the finding is of the incomplete family (缺报), which costs once per report instance.</summary>
    public bool IsIncomplete => Kind is FindingKind.Incomplete or FindingKind.RecipientsMissing;
}

public static class FindingKinds
{
    /// <summary>The kind's name in the JSON output and the catalog: <c>late</c>, <c>incomplete</c>, <c>recipients-missing</c>, ...</summary>
    public static string Name(FindingKind kind) => kind switch
    {
        FindingKind.Late => "late",
        FindingKind.Incomplete => "incomplete",
        FindingKind.RecipientsMissing => "recipients-missing",
        FindingKind.Wrong => "wrong",
        FindingKind.Missing => "missing",
        FindingKind.Concealed => "concealed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a name written by <see cref="Name"/>.</summary>
    public static bool TryParse(string? name, out FindingKind kind)
    {
        foreach (var candidate in Enum.GetValues<FindingKind>())
        {
            if (Name(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
