using MailOps.Compliance.Common;

namespace MailOps.Compliance.Events;

/// <summary>How an item was placed on its unit, in the order they are tried.</summary>
public enum PlacedBy
{
    /// <summary>An Outlook category naming the unit (its id, its Chinese name, or a category of the rules).</summary>
    Category,

    /// <summary>The organizer is a submitter of the unit or holds one of the rules' unit roles for it.</summary>
    Organizer,

    /// <summary>Every attendee of the directory that belongs to a unit belongs to this one.</summary>
    Attendee,
}

public sealed record UnitPlacement(string UnitId, PlacedBy By, string Evidence);

/// <summary>Why an item that reads like an event is not one yet.</summary>
public enum UnplaceableReason
{
    /// <summary>Only a hint word (投诉 alone): it reads like an event but no rule says which kind.</summary>
    NoKind,

    /// <summary>Neither a category, the organizer nor an attendee names a unit.</summary>
    NoUnit,

    /// <summary>The first of category, organizer and attendees that names a unit names more than one.</summary>
    SeveralUnits,
}

/// <summary>
/// What a calendar item's occurrence is: <see cref="Recognised"/>, a project event of a kind and unit;
/// <see cref="Unplaceable"/>, something that reads like an event and goes to HQ's triage with what was read; or
/// <see cref="Ordinary"/>, a meeting such as a lunch or a training, ignored quietly. No other case exists.
/// </summary>
public abstract record EventRecognition
{
    private EventRecognition(CalendarItem item) => Item = item;

    /// <summary>What was read.</summary>
    public CalendarItem Item { get; }

    public sealed record Recognised : EventRecognition
    {
        public Recognised(CalendarItem item, ProjectEvent @event, KindMatch kind, UnitPlacement placement)
            : base(item)
        {
            Event = @event;
            Kind = kind;
            Placement = placement;
        }

        public ProjectEvent Event { get; }

        public KindMatch Kind { get; }

        public UnitPlacement Placement { get; }
    }

    public sealed record Unplaceable : EventRecognition
    {
        public Unplaceable(CalendarItem item, KindMatch? kind, string? hint, UnplaceableReason reason, IReadOnlyList<string> units, LocalizedText detail)
            : base(item)
        {
            Kind = kind;
            Hint = hint;
            Reason = reason;
            Units = units;
            Detail = detail;
        }

        /// <summary>The kind, when a rule recognised it.</summary>
        public KindMatch? Kind { get; }

        /// <summary>The hint word, when only a hint made the item read like an event.</summary>
        public string? Hint { get; }

        public UnplaceableReason Reason { get; }

        /// <summary>The units that were named: none, one (kind unknown) or several.</summary>
        public IReadOnlyList<string> Units { get; }

        /// <summary>What was recognised, in words for the triage list.</summary>
        public LocalizedText Detail { get; }
    }

    public sealed record Ordinary : EventRecognition
    {
        public Ordinary(CalendarItem item)
            : base(item)
        {
        }
    }
}
