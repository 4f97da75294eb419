namespace MailOps.Parsing.Subjects;

public enum SubjectPeriodKind
{
    Day,
    Range,
    Week,
    Month,
    Quarter,
}

/// <summary>A period named in a subject: its kind and its days, both ends inclusive.</summary>
public sealed record SubjectPeriod(SubjectPeriodKind Kind, DateOnly First, DateOnly Last);
