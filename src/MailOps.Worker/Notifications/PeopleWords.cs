using System.Globalization;
using System.Text.RegularExpressions;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Organisation;

namespace MailOps.Worker.Notifications;

/// <summary>
/// Puts people's words for the ids that the texts parsing stores carry (a finding's "抄送缺少：集团客户服务部 (group.cs)",
/// a triage reason's "主题同时符合多种报告：callcenter-weekly、callcenter-monthly"): a role key becomes the role's name, a
/// report or unit id its name in the catalog or the directory, a period id its <see cref="PeriodNames"/> name, and an
/// id in brackets right after its own name is dropped. Done as mail is shown, so that what the store already holds reads
/// the same; the store keeps every text as it came.
/// </summary>
internal sealed partial class PeopleWords
{
    // An id is a run of these; a match must not be part of a longer one (an address, a longer role key).
    private const string IdChars = "A-Za-z0-9_@#.-";

    private readonly PeriodNames _periods;
    private readonly Dictionary<string, LocalizedText> _names = new(StringComparer.Ordinal);
    private readonly Regex _ids;

    public PeopleWords(Compliance.Regime regime)
    {
        _periods = new PeriodNames(regime);
        foreach (var report in regime.Catalog.Reports)
        {
            _names.TryAdd(report.Id, report.Name);
            foreach (var role in report.To.Concat(report.Cc).Append(report.SubmitterRole).Where(r => RoleNames.Of(r).Zh != r))
            {
                _names.TryAdd(role, RoleNames.Of(role));
            }
        }

        foreach (var unit in regime.Directory.Units)
        {
            _names.TryAdd(unit.Id, unit.Name);
        }

        var known = string.Join("|", _names.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        var events = string.Join("|", regime.Events.Select(e => e.Id).OrderByDescending(k => k.Length).Select(Regex.Escape));
        var calendar = @"\d{4}-W\d{2}|\d{4}-Q[1-4]|\d{4}-\d{2}(?!-\d)" + (events.Length > 0 ? $@"|(?<event>{events})(?<suffix>@\d{{4}}-\d{{2}}-\d{{2}}|#\d+)?" : "");
        _ids = new Regex(
            $@"(?<open>\s?[(（])?(?<![{IdChars}])(?<id>{calendar}{(known.Length > 0 ? "|" + known : "")})(?![A-Za-z0-9_@-]|\.[A-Za-z0-9])(?<close>[)）])?",
            RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));
    }

    /// <summary>
    /// The text with each id it holds in people's words, in Chinese or English; in English, a Chinese enumeration comma
    /// (parsing joins a list of ids with one in both languages) becomes a comma.
    /// </summary>
    public string Of(string text, bool zh)
    {
        if (text.Length == 0)
        {
            return text;
        }

        if (!zh)
        {
            text = text.Replace("、", ", ", StringComparison.Ordinal);
        }

        try
        {
            return _ids.Replace(text, match =>
            {
                if (Name(match) is not { } name)
                {
                    return match.Value;
                }

                var said = zh ? name.Zh : name.En;
                var bracketed = match.Groups["open"].Success && match.Groups["close"].Success;
                if (bracketed && text.AsSpan(0, match.Index).TrimEnd().EndsWith(said, StringComparison.Ordinal))
                {
                    return "";
                }

                return match.Groups["open"].Value + said + match.Groups["close"].Value;
            });
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    private LocalizedText? Name(Match match)
    {
        var id = match.Groups["id"].Value;
        if (match.Groups["event"].Success)
        {
            // Only a window's day (event@day) is named by its own date; the event and a report of a series by the event's.
            var eventId = match.Groups["event"].Value;
            var suffix = match.Groups["suffix"].Value;
            var day = suffix.StartsWith('@') && DateOnly.TryParseExact(suffix[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;
            return _periods.Of(new Period(id, day, day), eventId);
        }

        if (_names.TryGetValue(id, out var name))
        {
            return name;
        }

        return Period.TryParse(id, out var calendar) ? _periods.Of(calendar) : null;
    }
}
