using System.Globalization;

namespace MailOps.Compliance.Deadlines;

public enum OffsetUnit
{
    Hours,
    Days,
    WorkingDays,
}

/// <summary>A signed distance from an event: <c>24h</c>, <c>-10d</c> (calendar days), <c>3wd</c> (working days).</summary>
public readonly record struct EventOffset(int Amount, OffsetUnit Unit)
{
    public static bool TryParse(string? text, out EventOffset offset)
    {
        offset = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var (unit, suffix) = text.EndsWith("wd", StringComparison.Ordinal) ? (OffsetUnit.WorkingDays, 2)
            : text.EndsWith('h') ? (OffsetUnit.Hours, 1)
            : text.EndsWith('d') ? (OffsetUnit.Days, 1)
            : (OffsetUnit.Hours, 0);
        if (suffix == 0 || !int.TryParse(text.AsSpan(0, text.Length - suffix), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        offset = new EventOffset(amount, unit);
        return true;
    }

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        OffsetUnit.Hours => "h",
        OffsetUnit.Days => "d",
        _ => "wd",
    };
}
