using MailOps.Compliance;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Organisation;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;

namespace MailOps.SampleMailGenerator.Plan;

/// <summary>Who a unit's report is written to: the sample month's mail and the scale benchmark's address it alike.</summary>
internal static class ReportRecipients
{
    /// <summary>Every To role's addresses in To and every CC role's in CC (the group customer service list, not its deputy), less a dropped role.</summary>
    public static (List<Person> To, List<Person> Cc) Of(Regime regime, Unit unit, ReportDefinition report, string? dropped)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        List<Person> Resolve(IEnumerable<string> roles) =>
        [
            .. roles.Where(role => role != dropped)
                .SelectMany(role => role == "group.cs" ? regime.Directory.Resolve(unit, role).Take(1) : regime.Directory.Resolve(unit, role))
                .Where(seen.Add)
                .Select(address => new Person(People.NameOf(address), address)),
        ];

        var to = Resolve(report.To);
        return (to, Resolve(report.Cc));
    }
}
