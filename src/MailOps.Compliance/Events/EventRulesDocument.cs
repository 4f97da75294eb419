using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailOps.Compliance.Events;

/// <summary>The event rules as they are written (regime/event-rules.json).</summary>
internal sealed class EventRulesDocument
{
    /// <summary>The kind of unit events are placed on, such as <c>city-crm</c>.</summary>
    public string? UnitKind { get; set; }

    /// <summary>Role keys whose addresses, resolved for a unit, place an item on that unit (besides its submitters).</summary>
    public List<string>? UnitRoles { get; set; }

    /// <summary>In precedence order: the first rule with a matching word decides.</summary>
    public List<KindRuleDocument>? Kinds { get; set; }

    /// <summary>Words that make an item read like an event without naming its kind.</summary>
    public List<string>? Hints { get; set; }

    /// <summary>Outlook categories that name a unit, besides the unit's id and Chinese name.</summary>
    public List<UnitCategoriesDocument>? Units { get; set; }

    /// <summary>Kinds that, organised from headquarters and naming no unit, are headquarters' own meetings (its 例会).</summary>
    public List<string>? HeadquartersKinds { get; set; }
}

internal sealed class KindRuleDocument
{
    /// <summary>See <see cref="EventKinds"/>.</summary>
    public string? Kind { get; set; }

    public List<string>? Words { get; set; }

    public string? Note { get; set; }
}

internal sealed class UnitCategoriesDocument
{
    public string? Unit { get; set; }

    public List<string>? Categories { get; set; }
}
