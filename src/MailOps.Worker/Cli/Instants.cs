using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MailOps.Compliance.Common;

namespace MailOps.Worker.Cli;

/// <summary>
/// An instant on the command line: ISO 8601 with an offset (<c>2026-11-24T09:00+08:00</c>), or a local date and time
/// (<c>2026-11-24T09:00</c>, <c>2026-11-24 09:00</c>) or a date alone (its end of day) read in the regime's time zone.
/// </summary>
internal sealed record InstantArgument(DateTimeOffset? WithOffset, DateTime? Local, string Text)
{
    public static Option<InstantArgument?> Option(string name, string description, bool required) => new(name)
    {
        Description = description + " (2026-11-24T09:00, local to the regime, or with an offset)",
        Required = required,
        CustomParser = Parse,
    };

    public DateTimeOffset Resolve(RegimeZone zone) => WithOffset ?? zone.At(DateOnly.FromDateTime(Local!.Value), TimeOnly.FromDateTime(Local.Value));

    private static InstantArgument? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        var hasOffset = text.Length > 10 && (text.EndsWith('Z') || text[10..].Contains('+', StringComparison.Ordinal) || text[10..].Contains('-', StringComparison.Ordinal));
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return new InstantArgument(instant, null, text);
        }

        if (!hasOffset && DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new InstantArgument(null, local, text);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new InstantArgument(null, day.ToDateTime(RegimeZone.EndOfDay), text);
        }

        var option = (result.Parent as OptionResult)?.Option.Name ?? "the instant";
        result.AddError($"{option}: \"{text}\" is not an instant such as 2026-11-24T09:00 (local to the regime), 2026-11-24T09:00+08:00 or 2026-11-24.");
        return null;
    }
}
