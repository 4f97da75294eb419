using MailOps.Compliance.Common;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Regime;

/// <summary>
/// Where the regime's files are (section <c>MailOps:Regime</c>). Relative paths are relative to the content
/// root, the folder of the program, where the embedded default is copied.
/// </summary>
public sealed class RegimeOptions
{
    public const string Section = "MailOps:Regime";

    /// <summary>The report catalog; default <c>regime/catalog.json</c>.</summary>
    public string Catalog { get; set; } = "regime/catalog.json";

    /// <summary>The organisation directory; default the sample organisation <c>samples/organisation.json</c>.</summary>
    public string Directory { get; set; } = "samples/organisation.json";

    /// <summary>A folder of one calendar file per year (<c>2026.json</c>); add a file to extend it. Default <c>regime/calendar</c>.</summary>
    public string CalendarDirectory { get; set; } = "regime/calendar";

    /// <summary>The project events file, or empty for none; default <c>samples/events.json</c>.</summary>
    public string? Events { get; set; } = "samples/events.json";

    /// <summary>
    /// How meeting requests and calendar entries become project events (kinds by subject or category, units by
    /// category or address); default <c>regime/event-rules.json</c>.
    /// </summary>
    public string EventRules { get; set; } = "regime/event-rules.json";

    /// <summary>The wall clock of every deadline; default <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How long before the calendar's data ends to start warning; default 60 days.</summary>
    public TimeSpan CalendarWarningWindow { get; set; } = TimeSpan.FromDays(60);
}

/// <summary>Checks <see cref="RegimeOptions"/> at start-up, naming each bad setting by its configuration key.</summary>
internal sealed class RegimeOptionsValidator : IValidateOptions<RegimeOptions>
{
    public ValidateOptionsResult Validate(string? name, RegimeOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new[] { ("Catalog", options.Catalog), ("Directory", options.Directory), ("CalendarDirectory", options.CalendarDirectory), ("EventRules", options.EventRules) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{RegimeOptions.Section}:{key} is empty; it must name a file or folder.");
            }
        }

        if (!TryZone(options.TimeZone, out _))
        {
            failures.Add($"{RegimeOptions.Section}:TimeZone \"{options.TimeZone}\" is not a time zone id known to this system (use an IANA id such as Asia/Shanghai).");
        }

        if (options.CalendarWarningWindow <= TimeSpan.Zero || options.CalendarWarningWindow > TimeSpan.FromDays(366))
        {
            failures.Add($"{RegimeOptions.Section}:CalendarWarningWindow {options.CalendarWarningWindow} must be more than zero and at most 366 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool TryZone(string id, out RegimeZone zone)
    {
        try
        {
            zone = id == "Asia/Shanghai" ? RegimeZone.Shanghai : RegimeZone.FromId(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = RegimeZone.Shanghai;
            return false;
        }
    }
}
