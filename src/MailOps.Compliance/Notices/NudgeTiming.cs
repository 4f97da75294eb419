using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;

namespace MailOps.Compliance.Notices;

/// <summary>
/// When a report owner is nudged before a deadline, written as configuration reads it:
/// <list type="bullet">
/// <item><c>80%</c>: that far into the window from when the report can be sent to when it is due (the window
/// starts no earlier than the working day's start on the due date, so a daily report due at 21:00 is nudged
/// around 19:00);</item>
/// <item><c>-02:00</c>: that long before the deadline;</item>
/// <item><c>10:00</c>: at that time on the due date;</item>
/// <item><c>opens</c>: when the window opens (event reports);</item>
/// <item><c>off</c>: never.</item>
/// </list>
/// </summary>
public sealed record NudgeTiming
{
    private NudgeTiming(string text, Func<Obligation, RegimeZone, TimeOnly, DateTimeOffset>? instant)
    {
        Text = text;
        _instant = instant;
    }

    private readonly Func<Obligation, RegimeZone, TimeOnly, DateTimeOffset>? _instant;

    public static NudgeTiming Off { get; } = new("off", null);

    public static NudgeTiming Opens { get; } = new("opens", (o, _, _) => o.Opens);

    /// <summary>The text it was read from, for logs and errors.</summary>
    public string Text { get; }

    public bool Enabled => _instant is not null;

    public static NudgeTiming Fraction(double fraction) => new(
        string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.##}%"),
        (o, zone, workdayStart) =>
        {
            var dayStart = zone.At(zone.DateOf(o.Due), workdayStart);
            var opens = o.Opens < dayStart && dayStart < o.Due ? dayStart : o.Opens;
            return opens + (o.Due - opens) * fraction;
        });

    public static NudgeTiming BeforeDue(TimeSpan lead) => new(
        lead.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"-{lead.Days}.{lead:hh\\:mm}")
            : string.Create(CultureInfo.InvariantCulture, $"-{lead:hh\\:mm}"),
        (o, _, _) => o.Due - lead);

    public static NudgeTiming OnDueDateAt(TimeOnly time) => new(
        time.ToString("HH:mm", CultureInfo.InvariantCulture),
        (o, zone, _) => zone.At(zone.DateOf(o.Due), time));

    /// <summary>Reads a timing; <paramref name="error"/> says what is wrong with a text that is not one.</summary>
    public static bool TryParse(string? text, out NudgeTiming timing, out string error)
    {
        (timing, error) = (Off, "");
        var t = text?.Trim() ?? "";
        if (t.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (t.Equals("opens", StringComparison.OrdinalIgnoreCase))
        {
            timing = Opens;
            return true;
        }

        if (t.EndsWith('%'))
        {
            if (double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100)
            {
                timing = Fraction(percent / 100);
                return true;
            }

            error = $"\"{t}\" is not a percentage from 0% to 100%";
            return false;
        }

        if (t.StartsWith('-'))
        {
            if (TimeSpan.TryParseExact(t[1..], [@"h\:mm", @"hh\:mm", @"d\.hh\:mm"], CultureInfo.InvariantCulture, out var lead) && lead > TimeSpan.Zero)
            {
                timing = BeforeDue(lead);
                return true;
            }

            error = $"\"{t}\" is not a lead time before the deadline such as -02:00 or -1.00:00";
            return false;
        }

        if (TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            timing = OnDueDateAt(at);
            return true;
        }

        error = $"\"{t}\" is not a nudge timing: write a share of the window (80%), a lead before the deadline (-02:00), a time on the due date (10:00), opens, or off";
        return false;
    }

    /// <summary>The instant of the nudge for an obligation, or null when this timing never nudges.</summary>
    public DateTimeOffset? InstantFor(Obligation obligation, RegimeZone zone, TimeOnly workdayStart) =>
        _instant?.Invoke(obligation, zone, workdayStart);

    public override string ToString() => Text;
}
