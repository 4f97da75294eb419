using MailOps.Compliance.Catalog;
using MailOps.Compliance.Organisation;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// What a mail flow rule must let through to the watched mailbox, read from the regime: the watched reports some unit
/// owes, every address that submits for a unit, a subject pattern for every keyword of those reports, and the
/// headquarters roles their To and CC name (the lists the mailbox could be a member of).
/// </summary>
internal sealed partial record ReportMail(
    IReadOnlyList<ReportDefinition> Reports,
    IReadOnlyList<string> Submitters,
    IReadOnlyList<string> SubjectPatterns,
    IReadOnlyList<HeadquartersRole> Roles)
{
    public static ReportMail Of(Compliance.Regime regime)
    {
        var units = regime.Directory.Units;
        var reports = regime.Catalog.Reports.Where(r => units.Any(u => Compliance.Regime.Owes(u, r))).ToList();

        // The parser knows a unit by any address that submits for it, in any role, so the rule takes all of them.
        var submitters = units.SelectMany(u => u.SubmitterAddresses).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // As the parser: the words of a report's English name are one more group; a report the catalog also knows by a
        // regular expression over the folded subject gets that as it is.
        var patterns = ExchangeSetup.SubjectPatterns.For(reports.SelectMany(r => r.Keywords.Concat(EnglishName(r))))
            .Concat(reports.SelectMany(r => r.Patterns)).Distinct(StringComparer.Ordinal).ToList();
        var roles = reports
            .SelectMany(r => r.To.Concat(r.Cc).Distinct(StringComparer.Ordinal).Select(role => (Role: role, Report: r.Id)))
            .Where(x => RoleKeys.ScopeOf(x.Role) == RoleScope.Group)
            .GroupBy(x => x.Role, StringComparer.Ordinal)
            .Select(g => new HeadquartersRole(g.Key, regime.Directory.GroupRoles.GetValueOrDefault(g.Key) ?? [], g.Count()))
            .OrderByDescending(r => r.Reports)
            .ThenBy(r => r.Role, StringComparer.Ordinal)
            .ToList();
        return new ReportMail(reports, submitters, patterns, roles);
    }
}

internal sealed partial record ReportMail
{
    /// <summary>The words of the report's English name, the parser's extra keyword group; none when the catalog names it by its id.</summary>
    public static IEnumerable<IReadOnlyList<string>> EnglishName(ReportDefinition report)
    {
        var words = NameWord().Matches(report.Name.En).Select(m => m.Value).ToArray();
        return report.Name.En == report.Id || words.Length == 0 ? [] : [words];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex NameWord();
}

/// <summary>A headquarters role named in the To or CC of <see cref="Reports"/> watched reports, and its addresses.</summary>
internal sealed record HeadquartersRole(string Role, IReadOnlyList<string> Addresses, int Reports);
