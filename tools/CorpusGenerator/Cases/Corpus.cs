using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// Every corpus message, group by group. Each group owns a block of numbers so that adding a message to one
/// group does not renumber the others; Corpus/README.md lists the blocks.
/// </summary>
internal static class Corpus
{
    public static IReadOnlyList<MailCase> All(RegimeData regime) =>
    [
        .. EveryReport.Cases(new Numbers(1, 29)),
        .. SubjectDates.Cases(new Numbers(30, 79)),
        .. SubjectScripts.Cases(new Numbers(80, 89)),
        .. CharsetCases.Cases(new Numbers(90, 99)),
        .. Screening.Cases(new Numbers(100, 129), regime),
        .. Corrections.Cases(new Numbers(130, 139)),
        .. RecipientCases.Cases(new Numbers(140, 159)),
        .. ContentCases.Cases(new Numbers(160, 199)),
        .. SenderCases.Cases(new Numbers(200, 239)),
        .. StructureCases.Cases(new Numbers(240, 259)),
        .. LookAlikes.Cases(new Numbers(260, 289)),
    ];

    /// <summary>A local (China Standard Time) instant.</summary>
    public static DateTimeOffset T(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    /// <summary>A person of the sample directory, named as the directory's people are.</summary>
    public static Person P(string address, string? name = null) => new(name ?? People.NameOf(address), address);
}

/// <summary>A group's block of message numbers.</summary>
internal sealed class Numbers
{
    private readonly int _first;
    private readonly int _last;
    private int _next;

    public Numbers(int first, int last)
    {
        _first = first;
        _last = last;
        _next = first;
    }

    public MailCase Case(string slug, string description)
    {
        if (_next > _last)
        {
            throw new InvalidOperationException($"the block {_first}-{_last} is full at {slug}");
        }

        return new MailCase(_next++, slug, description);
    }
}
