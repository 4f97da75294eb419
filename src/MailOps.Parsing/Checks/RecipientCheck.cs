using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Organisation;
using MailOps.Parsing.Reading;

namespace MailOps.Parsing.Checks;

/// <summary>
/// Every To role of the report must be among the To recipients, every CC role among To or CC (a CC role
/// placed in To satisfies it), resolved through the directory for the sender's unit.
/// </summary>
internal static class RecipientCheck
{
    public static Finding? Check(OrganisationDirectory directory, Unit unit, ReportDefinition report, ReadMessage message)
    {
        var to = message.To.Select(m => m.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var all = message.Cc.Select(m => m.Address).Concat(to).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missingTo = Missing(directory, unit, report.To, to);
        var missingCc = Missing(directory, unit, report.Cc, all);
        if (missingTo.Count == 0 && missingCc.Count == 0)
        {
            return null;
        }

        var zh = new List<string>();
        var en = new List<string>();
        if (missingTo.Count > 0)
        {
            zh.Add("主送缺少：" + string.Join("、", missingTo.Select(r => $"{RoleNames.Of(r).Zh} ({r})")));
            en.Add("To is missing " + string.Join(", ", missingTo.Select(r => $"{RoleNames.Of(r).En} ({r})")));
        }

        if (missingCc.Count > 0)
        {
            zh.Add("抄送缺少：" + string.Join("、", missingCc.Select(r => $"{RoleNames.Of(r).Zh} ({r})")));
            en.Add("CC is missing " + string.Join(", ", missingCc.Select(r => $"{RoleNames.Of(r).En} ({r})")));
        }

        return new Finding(FindingKind.RecipientsMissing, new LocalizedText(string.Join("；", zh), string.Join("; ", en)));
    }

    private static List<string> Missing(OrganisationDirectory directory, Unit unit, IEnumerable<string> roles, HashSet<string> present) =>
        [.. roles.Where(role => directory.Resolve(unit, role) is { Count: > 0 } addresses && !addresses.Any(present.Contains))];
}
