using System.Globalization;
using System.Text;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// The Exchange Online PowerShell that lets report mail reach the watched mailbox and lets MailOps's app reach that
/// mailbox only: a mail flow rule (or several) blind-copying report mail to it, the lists it could join instead, the
/// RBAC for Applications scope and role assignments, and the checks. Every string is single-quoted; the script can be
/// pasted whole and run again after the directory changes (the rules are updated, nothing is created twice).
/// </summary>
internal static class ExchangeScript
{
    public const string ScopeName = "MailOps mailbox";

    public const string CalendarScopeName = "MailOps calendar";

    private const string Guid = "'^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$'";

    public static string Render(ExchangeSetupPlan plan, ReportMail mail, IReadOnlyList<MailFlowRule> rules)
    {
        var s = new StringBuilder();
        Header(s, plan, mail);
        Rules(s, mail, rules);
        Membership(s, mail);
        Rbac(s, plan);
        Checks(s, plan, rules);
        return s.ToString();
    }

    private static void Header(StringBuilder s, ExchangeSetupPlan plan, ReportMail mail)
    {
        PowerShell.Comment(s, $"""
            MailOps: Exchange Online for the watched mailbox {plan.Mailbox}
            Printed by `mailops setup exchange` from {plan.Sources}:
            {mail.Reports.Count} watched reports that units of the directory owe, {mail.Submitters.Count} submitter addresses. docs/exchange.md explains each step.
            Run it in PowerShell 7 with the ExchangeOnlineManagement module, as an Exchange administrator
            (Organization Management). It holds no secret: the app id and the mailbox are names, not credentials.
            """);
        s.AppendLine(plan.China ? "Connect-ExchangeOnline -ExchangeEnvironmentName O365China" : "Connect-ExchangeOnline");
        s.AppendLine();
        s.Append("$mailbox = ").AppendLine(PowerShell.Quote(plan.Mailbox));
        s.Append("$appId = ").Append(PowerShell.Quote(plan.AppId ?? "APPLICATION-CLIENT-ID"))
            .AppendLine("    # the app registration's Application (client) ID: MailOps:Mailbox:Graph:ClientId");
        s.Append("$objectId = ").Append(PowerShell.Quote(plan.ObjectId ?? "ENTERPRISE-APPLICATION-OBJECT-ID"))
            .AppendLine("    # Enterprise applications > MailOps > Object ID (not the app registration's)");
        s.AppendLine(CultureInfo.InvariantCulture, $"if ($appId -notmatch {Guid} -or $objectId -notmatch {Guid}) {{ throw 'Set $appId and $objectId to the ids of MailOps''s app first (docs/exchange.md, the app registration).' }}");
        s.AppendLine();
    }

    private static void Rules(StringBuilder s, ReportMail mail, IReadOnlyList<MailFlowRule> rules)
    {
        PowerShell.Comment(s, """
            1. Report mail reaches the mailbox: a mail flow rule blind-copies it there.
            A report is known by its sender (an address that submits for a unit) and its subject (every word of one keyword
            group of its report, in any order). The rule copies every message from a submitter whose subject matches a
            group's pattern: what the parser reads as that report, in either script, and more (any period, a reply, mail
            of a unit that owes no such report); MailOps's parser decides which are reports. Its conditions are patterns,
            not -SubjectContainsWords: Exchange needs spaces or punctuation around such a word, which Chinese subjects do
            not have, and any one word meets it, so 交付 alone would copy every submitter's mail that mentions a delivery.
            The copy is blind: To and Cc stay as the sender wrote them, and the recipient check judges those.
            The keyword groups of the catalog, the English name's words last (a report's subject holds every word of one;
            a group of more than two words is matched by its two longest):
            """);
        foreach (var report in mail.Reports)
        {
            var groups = report.Keywords.Concat(ReportMail.EnglishName(report)).Select(g => string.Join(" + ", g));
            PowerShell.Comment(s, $"  {report.Id} {report.Name.Zh}: {string.Join(" | ", groups)}");
        }

        if (rules.Count > 1)
        {
            PowerShell.Comment(s, $"Split into {rules.Count} rules to stay within Exchange Online's 8 KB a rule. If an earlier run made more rules than this one, remove the extra ones.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var suffix = rules.Count == 1 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture);
            s.AppendLine();
            s.Append("$ruleName").Append(suffix).Append(" = ").AppendLine(PowerShell.Quote(rule.Name));
            PowerShell.Array(s, "submitters" + suffix, rule.Senders);
            PowerShell.Array(s, "subjectPatterns" + suffix, rule.Patterns);
            var conditions = $"-From $submitters{suffix} -SenderAddressLocation HeaderOrEnvelope -SubjectMatchesPatterns $subjectPatterns{suffix} -BlindCopyTo $mailbox"
                + " -Comments 'Printed by mailops setup exchange: report mail from submitters to the watched mailbox, To and Cc unchanged.'";
            s.AppendLine(CultureInfo.InvariantCulture, $"if (Get-TransportRule | Where-Object Name -eq $ruleName{suffix}) {{");
            s.AppendLine(CultureInfo.InvariantCulture, $"    Set-TransportRule -Identity $ruleName{suffix} {conditions}");
            s.AppendLine("} else {");
            s.AppendLine(CultureInfo.InvariantCulture, $"    New-TransportRule -Name $ruleName{suffix} {conditions}");
            s.AppendLine("}");
        }

        s.AppendLine();
    }

    private static void Membership(StringBuilder s, ReportMail mail)
    {
        PowerShell.Comment(s, """
            2. The other way in: the mailbox as a member of the lists the regime's To and CC name. It then receives all that
            is sent to those lists; a report reaches it only if it names a list the mailbox is in. The headquarters roles of
            the watched reports (a role of people's addresses cannot hold the mailbox; the rule above covers those):
            """);
        foreach (var role in mail.Roles)
        {
            PowerShell.Comment(s, $"  {role.Role,-22} {role.Reports,2} of {mail.Reports.Count} reports  {string.Join(", ", role.Addresses)}");
        }

        PowerShell.Comment(s, "Uncomment the line of each address above that is a distribution list:");
        foreach (var address in mail.Roles.SelectMany(r => r.Addresses).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            s.Append("# Add-DistributionGroupMember -Identity ").Append(PowerShell.Quote(address)).AppendLine(" -Member $mailbox");
        }

        s.AppendLine();
    }

    private static void Rbac(StringBuilder s, ExchangeSetupPlan plan)
    {
        PowerShell.Comment(s, """
            3. RBAC for Applications: MailOps's app may read, draft and send in this mailbox and in no other. Remove the
            application permissions Mail.ReadWrite, Mail.Send and Calendars.Read from the app registration in Entra ID (and
            revoke their admin consent): a grant there reaches every mailbox, whatever the scope below says.
            """);
        s.AppendLine("if (-not (Get-ServicePrincipal | Where-Object AppId -eq $appId)) {");
        s.AppendLine("    New-ServicePrincipal -AppId $appId -ObjectId $objectId -DisplayName 'MailOps'");
        s.AppendLine("}");
        Scope(s, ScopeName, "$mailbox", plan.Mailbox);
        Assignment(s, "MailOps Mail.ReadWrite", "Application Mail.ReadWrite", ScopeName);
        Assignment(s, "MailOps Mail.Send", "Application Mail.Send", ScopeName);
        if (plan.Calendar is { } calendar)
        {
            var same = string.Equals(calendar, plan.Mailbox, StringComparison.OrdinalIgnoreCase);
            if (!same)
            {
                s.Append("$calendar = ").AppendLine(PowerShell.Quote(calendar));
                Scope(s, CalendarScopeName, "$calendar", calendar);
            }

            Assignment(s, "MailOps Calendars.Read", "Application Calendars.Read", same ? ScopeName : CalendarScopeName);
        }

        s.AppendLine();
    }

    private static void Scope(StringBuilder s, string name, string variable, string address)
    {
        // OPATH quotes the address in single quotes too: quoted once for the filter, once more for PowerShell.
        var filter = $"PrimarySmtpAddress -eq {PowerShell.Quote(address)}";
        s.AppendLine(CultureInfo.InvariantCulture, $"if (-not (Get-ManagementScope | Where-Object Name -eq {PowerShell.Quote(name)})) {{");
        s.AppendLine(CultureInfo.InvariantCulture, $"    New-ManagementScope -Name {PowerShell.Quote(name)} -RecipientRestrictionFilter {PowerShell.Quote(filter)}    # only {variable}");
        s.AppendLine("}");
    }

    private static void Assignment(StringBuilder s, string name, string role, string scope)
    {
        s.AppendLine(CultureInfo.InvariantCulture, $"if (-not (Get-ManagementRoleAssignment | Where-Object Name -eq {PowerShell.Quote(name)})) {{");
        s.AppendLine(CultureInfo.InvariantCulture, $"    New-ManagementRoleAssignment -Name {PowerShell.Quote(name)} -App $objectId -Role {PowerShell.Quote(role)} -CustomResourceScope {PowerShell.Quote(scope)}");
        s.AppendLine("}");
    }

    private static void Checks(StringBuilder s, ExchangeSetupPlan plan, IReadOnlyList<MailFlowRule> rules)
    {
        var roles = plan.Calendar is null ? "Mail.ReadWrite and Mail.Send" : "Mail.ReadWrite and Mail.Send (and Calendars.Read on the calendar's mailbox)";
        PowerShell.Comment(s, $"""
            4. Checks. Role assignments can take an hour or more to reach Graph, even after the test below shows them.
            Application {roles}: InScope True for the mailbox.
            """);
        s.AppendLine("Test-ServicePrincipalAuthorization -Identity $appId -Resource $mailbox | Format-Table");
        if (plan.Calendar is not null && !string.Equals(plan.Calendar, plan.Mailbox, StringComparison.OrdinalIgnoreCase))
        {
            s.AppendLine("Test-ServicePrincipalAuthorization -Identity $appId -Resource $calendar | Format-Table");
        }

        PowerShell.Comment(s, "Any other mailbox: every role InScope False.");
        s.Append("$controlMailbox = ").AppendLine(PowerShell.Quote(plan.ControlMailbox ?? ""));
        s.AppendLine("if ($controlMailbox) { Test-ServicePrincipalAuthorization -Identity $appId -Resource $controlMailbox | Format-Table }");
        PowerShell.Comment(s, "The rule: enabled, enforced, its conditions as above.");
        var names = rules.Count == 1 ? "-eq $ruleName" : "-in " + string.Join(", ", rules.Select((_, i) => $"$ruleName{i + 1}"));
        s.AppendLine(CultureInfo.InvariantCulture, $"Get-TransportRule | Where-Object Name {names} | Format-List Name, State, Mode, Description");
        PowerShell.Comment(s, """
            The mailbox's own Inbox rules: MailOps reads only the folders in MailOps:Mailbox:Graph:Folders (the Inbox by
            default). A rule that moves report mail to another folder hides it from MailOps unless that folder is added
            there (such as Inbox/Reports); one that deletes or forwards it away hides it for good, and the report
            counts as missing. Expect none, or only moves into watched folders.
            """);
        s.AppendLine("Get-InboxRule -Mailbox $mailbox | Format-Table Name, Enabled, Description");
    }
}
