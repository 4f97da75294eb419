using System.Text;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Events;

/// <summary>One rule of regime/event-rules.json: an item whose subject or category holds any of the words is of the kind.</summary>
public sealed record KindRule(string Kind, IReadOnlyList<string> Words);

/// <summary>Where a rule word was found.</summary>
public enum MatchSource
{
    /// <summary>An Outlook category, a deliberate label: it is looked at before the subject.</summary>
    Category,

    Summary,
}

/// <summary>The rule that decided an item's kind: its position in the file, the word and where it was found.</summary>
public sealed record KindMatch(string Kind, string Word, MatchSource Source, int Rule);

/// <summary>
/// What makes a calendar item a project event (regime/event-rules.json): the kind rules in precedence order, the hint
/// words that make an item read like an event without naming its kind, which units events are placed on and the
/// role addresses and categories that name a unit.
/// </summary>
public sealed class EventRules
{
    public EventRules(
        UnitKind unitKind,
        IReadOnlyList<string> unitRoles,
        IReadOnlyList<KindRule> kinds,
        IReadOnlyList<string> hints,
        IReadOnlyDictionary<string, string> unitCategories)
    {
        UnitKind = unitKind;
        UnitRoles = unitRoles;
        Kinds = kinds;
        Hints = hints;
        UnitCategories = unitCategories;
    }

    /// <summary>The kind of unit events are placed on (every event report of the catalog is a city CRM department's).</summary>
    public UnitKind UnitKind { get; }

    /// <summary>Role keys whose addresses, resolved for a unit, are that unit's own (besides its submitters).</summary>
    public IReadOnlyList<string> UnitRoles { get; }

    /// <summary>In precedence order: the first rule with a matching word decides, so 重大投诉 must come before any rule holding 投诉.</summary>
    public IReadOnlyList<KindRule> Kinds { get; }

    /// <summary>Words that make an item read like an event although no rule names its kind (投诉 alone: hot or major?).</summary>
    public IReadOnlyList<string> Hints { get; }

    /// <summary>Category (folded) to unit id; a unit's id and Chinese name name it too, without being listed.</summary>
    public IReadOnlyDictionary<string, string> UnitCategories { get; }

    /// <summary>
    /// Kinds that, organised from headquarters (a group role's address, or another address of its domain) and naming no
    /// unit, are headquarters' own meetings and ignored: HQ's monthly 例会 is not a city department's meeting.
    /// </summary>
    public IReadOnlyList<string> HeadquartersKinds { get; init; } = [];

    /// <summary>
    /// The kind of an item: every category is tried against the rules in order first, then the subject; within each,
    /// the first rule (in file order) any of whose words the text contains wins. Null when no rule matches.
    /// </summary>
    public KindMatch? MatchKind(string summary, IReadOnlyList<string> categories) =>
        categories.Select(c => Match(c, MatchSource.Category)).FirstOrDefault(m => m is not null)
        ?? Match(summary, MatchSource.Summary);

    /// <summary>The first hint word the subject or a category holds, if any.</summary>
    public string? MatchHint(string summary, IReadOnlyList<string> categories) =>
        Hints.FirstOrDefault(h => categories.Append(summary).Any(text => Fold(text).Contains(h, StringComparison.Ordinal)));

    private KindMatch? Match(string text, MatchSource source)
    {
        var folded = Fold(text);
        for (var i = 0; i < Kinds.Count; i++)
        {
            var word = Kinds[i].Words.FirstOrDefault(w => folded.Contains(w, StringComparison.Ordinal));
            if (word is not null)
            {
                return new KindMatch(Kinds[i].Kind, word, source, i);
            }
        }

        return null;
    }

    /// <summary>
    /// Texts are compared after NFKC (full-width letters and digits, the ideographic space) and lower-casing; rule words
    /// are stored folded. Traditional characters are not folded: the rules list them (例會, 開盤).
    /// </summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();
}
