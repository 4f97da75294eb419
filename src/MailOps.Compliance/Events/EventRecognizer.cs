using MailOps.Compliance.Common;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Events;

/// <summary>
/// Decides what a calendar item's occurrence is against the event rules and the directory. The kind comes from
/// <see cref="EventRules.MatchKind"/>; the unit from, in this order, a category naming a unit, the organizer, then
/// the attendees: the first of them that names any unit decides, and naming two units is for a person to settle.
/// Pure and thread-safe.
/// </summary>
public sealed class EventRecognizer
{
    private readonly EventRules _rules;
    private readonly RegimeZone _zone;
    private readonly Dictionary<string, HashSet<string>> _unitsOfAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _unitOfCategory = new(StringComparer.Ordinal);
    private readonly HashSet<string> _headquartersDomains = new(StringComparer.OrdinalIgnoreCase);

    public EventRecognizer(EventRules rules, OrganisationDirectory directory, RegimeZone zone)
    {
        _rules = rules;
        _zone = zone;
        foreach (var unit in directory.Units.Where(u => u.Kind == rules.UnitKind))
        {
            var addresses = unit.SubmitterAddresses.Concat(rules.UnitRoles.SelectMany(role => directory.Resolve(unit, role)));
            foreach (var address in addresses)
            {
                if (!_unitsOfAddress.TryGetValue(address, out var units))
                {
                    _unitsOfAddress[address] = units = new HashSet<string>(StringComparer.Ordinal);
                }

                units.Add(unit.Id);
            }

            _unitOfCategory.TryAdd(EventRules.Fold(unit.Id), unit.Id);
            _unitOfCategory.TryAdd(EventRules.Fold(unit.Name.Zh), unit.Id);
        }

        foreach (var (category, unitId) in rules.UnitCategories)
        {
            _unitOfCategory[category] = unitId;
        }

        // Headquarters' domains: those of the group roles' addresses that no unit's submitter or role address shares.
        var unitDomains = _unitsOfAddress.Keys.Select(DomainOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in directory.GroupRoles.Values.SelectMany(a => a).Select(DomainOf).Where(d => d.Length > 0 && !unitDomains.Contains(d)))
        {
            _headquartersDomains.Add(domain);
        }
    }

    private static string DomainOf(string address) => address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..] : "";

    /// <summary>Whether an address is one of the unit's own (a submitter, or an address of the rules' unit roles for it).</summary>
    public bool Speaks(string address, string unitId) => _unitsOfAddress.TryGetValue(address, out var units) && units.Contains(unitId);

    public EventRecognition Recognize(CalendarItem item)
    {
        var kind = _rules.MatchKind(item.Summary, item.Categories);
        var hint = kind is null ? _rules.MatchHint(item.Summary, item.Categories) : null;
        if (kind is null && hint is null)
        {
            return new EventRecognition.Ordinary(item);
        }

        var (placement, named) = Place(item);
        if (kind is null)
        {
            return new EventRecognition.Unplaceable(item, null, hint, UnplaceableReason.NoKind, named, new(
                $"像是事件（“{hint}”），但无法确定类型" + UnitsText(named, zh: true),
                $"reads like an event (\"{hint}\") but names no kind" + UnitsText(named, zh: false)));
        }

        if (placement is null && named.Count == 0 && _rules.HeadquartersKinds.Contains(kind.Kind)
            && item.Organizer is { } organizer && _headquartersDomains.Contains(DomainOf(organizer)))
        {
            return new EventRecognition.Ordinary(item);
        }

        if (placement is null)
        {
            var reason = named.Count == 0 ? UnplaceableReason.NoUnit : UnplaceableReason.SeveralUnits;
            return new EventRecognition.Unplaceable(item, kind, null, reason, named, reason == UnplaceableReason.NoUnit
                ? new($"识别为 {kind.Kind}（“{kind.Word}”），但分类、组织者和与会者都不属于任何单位", $"recognised as {kind.Kind} (\"{kind.Word}\") but no category, organizer or attendee belongs to a unit")
                : new($"识别为 {kind.Kind}（“{kind.Word}”），但指向多个单位：{string.Join("、", named)}", $"recognised as {kind.Kind} (\"{kind.Word}\") but names several units: {string.Join(", ", named)}"));
        }

        var @event = new ProjectEvent(EventIds.Of(item, _zone), placement.UnitId, "", kind.Kind, item.Start, EndOf(item), item.Summary);
        return new EventRecognition.Recognised(item, @event, kind, placement);
    }

    // A window's days run from Start's date to End's date, both inclusive (ProjectEvent), while the item's end is
    // exclusive: an all-day item ends at the end of the day before, a timed one ending at midnight a second before.
    private DateTimeOffset EndOf(CalendarItem item)
    {
        if (item.End <= item.Start)
        {
            return item.IsAllDay ? _zone.EndOf(_zone.DateOf(item.Start)) : item.Start;
        }

        if (item.IsAllDay)
        {
            return _zone.EndOf(_zone.DateOf(item.End).AddDays(-1));
        }

        return _zone.TimeOf(item.End) == TimeOnly.MinValue ? item.End.AddSeconds(-1) : item.End;
    }

    private (UnitPlacement? Placement, IReadOnlyList<string> Named) Place(CalendarItem item)
    {
        var byCategory = item.Categories
            .Select(c => (Category: c, Unit: _unitOfCategory.GetValueOrDefault(EventRules.Fold(c))))
            .Where(c => c.Unit is not null)
            .ToList();
        if (byCategory.Count > 0)
        {
            return Decide(byCategory.Select(c => (c.Unit!, c.Category)), PlacedBy.Category);
        }

        if (item.Organizer is { } organizer && _unitsOfAddress.TryGetValue(organizer, out var units))
        {
            return Decide(units.Select(u => (u, organizer)), PlacedBy.Organizer);
        }

        var byAttendee = item.Attendees
            .SelectMany(a => _unitsOfAddress.TryGetValue(a, out var found) ? found.Select(u => (u, a)) : [])
            .ToList();
        return byAttendee.Count > 0 ? Decide(byAttendee, PlacedBy.Attendee) : (null, []);
    }

    private static (UnitPlacement?, IReadOnlyList<string>) Decide(IEnumerable<(string Unit, string Evidence)> named, PlacedBy by)
    {
        var list = named.ToList();
        var units = list.Select(n => n.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return units.Count == 1 ? (new UnitPlacement(units[0], by, list[0].Evidence), units) : (null, units);
    }

    private static string UnitsText(IReadOnlyList<string> units, bool zh) => (units.Count, zh) switch
    {
        (0, true) => "，也无法确定单位",
        (0, false) => ", nor a unit",
        (_, true) => $"；单位：{string.Join("、", units)}",
        (_, false) => $"; unit: {string.Join(", ", units)}",
    };
}
