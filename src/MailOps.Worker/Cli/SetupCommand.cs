using System.CommandLine;
using MailOps.Worker.Cli.ExchangeSetup;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Regime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops setup exchange</c>: prints, for the configured directory, catalog and Graph settings, the Exchange Online
/// PowerShell that brings report mail into the watched mailbox and scopes MailOps's app to it (docs/exchange.md). It
/// reads the Graph section without validating it, so it runs before a secret or certificate is in place, and it never
/// prints one.
/// </summary>
internal static class SetupCommand
{
    public const string DefaultRuleName = "MailOps report copy";

    public static Command Create(CliEnvironment env, string[] args) =>
        new("setup", "Print what to set up outside MailOps for this configuration.") { Exchange(env, args) };

    private static Command Exchange(CliEnvironment env, string[] args)
    {
        var mailbox = new Option<string?>("--mailbox") { Description = "The watched shared mailbox; default MailOps:Mailbox:Graph:Mailbox (with the folder mailbox, MailOps:Mailbox:Folder:Address)." };
        var appId = new Option<string?>("--app-id") { Description = "The app registration's application (client) id; default MailOps:Mailbox:Graph:ClientId." };
        var objectId = new Option<string?>("--object-id") { Description = "The object id of the app's enterprise application (service principal); without it the script holds a placeholder." };
        var ruleName = new Option<string>("--rule-name") { Description = $"The mail flow rule's name; default '{DefaultRuleName}' (' 1/2' and so on added when the rule is split).", DefaultValueFactory = _ => DefaultRuleName };
        var calendar = new Option<string?>("--calendar") { Description = "A mailbox whose calendar MailOps reads: also grant Application Calendars.Read on it. Default none (MailOps reads project events from MailOps:Regime:Events)." };
        var control = new Option<string?>("--control-mailbox") { Description = "Another mailbox, where the checks must find every grant out of scope." };
        var command = new Command("exchange", "Print the Exchange Online PowerShell: the mail flow rule that copies report mail to the mailbox, RBAC for Applications, and the checks.")
        {
            mailbox, appId, objectId, ruleName, calendar, control,
        };
        command.SetAction(parse => CommandContext.WithRegime(env, args, (regime, services) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var graph = configuration.GetSection(GraphMailboxOptions.Section).Get<GraphMailboxOptions>() ?? new GraphMailboxOptions();
            var folder = configuration.GetSection(FolderMailboxOptions.Section).Get<FolderMailboxOptions>() ?? new FolderMailboxOptions();
            var kind = configuration.GetSection(MailboxOptions.Section).Get<MailboxOptions>() ?? new MailboxOptions();
            var problems = new List<(string Problem, int Code)>();

            var address = Address(parse.GetValue(mailbox), "--mailbox", problems)
                ?? Address(NonEmpty(graph.Mailbox), $"{GraphMailboxOptions.Section}:Mailbox", problems)
                ?? (kind.IsGraph ? null : Address(NonEmpty(folder.Address), $"{FolderMailboxOptions.Section}:Address", problems));
            if (address is null && problems.Count == 0)
            {
                problems.Add(($"setup exchange: no mailbox to set up; name it with --mailbox or set {GraphMailboxOptions.Section}:Mailbox.", ExitCodes.Usage));
            }

            var plan = new ExchangeSetupPlan
            {
                Mailbox = address ?? "",
                AppId = Id(parse.GetValue(appId), "--app-id", problems) ?? Id(NonEmpty(graph.ClientId), $"{GraphMailboxOptions.Section}:ClientId", problems),
                ObjectId = Id(parse.GetValue(objectId), "--object-id", problems),
                RuleName = RuleName(parse.GetValue(ruleName)!, problems),
                Calendar = Address(parse.GetValue(calendar), "--calendar", problems),
                ControlMailbox = Address(parse.GetValue(control), "--control-mailbox", problems),
                China = string.Equals(graph.Cloud, GraphCloud.China, StringComparison.OrdinalIgnoreCase),
                Sources = Sources(services),
            };
            if (problems.Count > 0)
            {
                CommandContext.WriteFailures(env.Error, problems.Select(p => p.Problem));
                return problems.Max(p => p.Code);
            }

            var mail = ReportMail.Of(regime);
            var rules = MailFlowRules.Split(plan.RuleName, plan.Mailbox, mail.Submitters, mail.SubjectPatterns);
            env.Out.Write(ExchangeScript.Render(plan, mail, rules));
            Warn(env, plan, rules);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Warn(CliEnvironment env, ExchangeSetupPlan plan, IReadOnlyList<MailFlowRule> rules)
    {
        var warnings = new List<string>();
        if (plan.AppId is null || plan.ObjectId is null)
        {
            warnings.Add("warning: the script holds placeholders for $appId or $objectId and stops until they are set (--app-id, --object-id, or edit the script).");
        }

        if (rules.Count > MailFlowRules.OrganizationRuleLimit)
        {
            warnings.Add($"warning: {rules.Count} mail flow rules are more than the {MailFlowRules.OrganizationRuleLimit} an organisation may hold; put the submitters in a group instead (docs/exchange.md).");
        }

        var patterns = rules.Sum(r => r.Patterns.Sum(p => p.Length));
        if (patterns > MailFlowRules.OrganizationPatternLimit)
        {
            warnings.Add($"warning: the rules' subject patterns come to {patterns} characters, more than the {MailFlowRules.OrganizationPatternLimit} Exchange Online allows for all of an organisation's rules.");
        }

        CommandContext.WriteFailures(env.Error, warnings);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Address(string? value, string source, List<(string, int)> problems)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (MimeKit.MailboxAddress.TryParse(trimmed, out var parsed) && parsed.Address == trimmed && !trimmed.Any(char.IsControl))
        {
            return trimmed;
        }

        problems.Add(($"{source}: \"{value}\" is not an email address.", Code(source)));
        return null;
    }

    private static string? Id(string? value, string source, List<(string, int)> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (Guid.TryParseExact(value.Trim(), "D", out var id))
        {
            return id.ToString("D");
        }

        problems.Add(($"{source}: \"{value}\" is not an id of Entra ID (a GUID such as 11111111-2222-3333-4444-555555555555).", Code(source)));
        return null;
    }

    private static string RuleName(string value, List<(string, int)> problems)
    {
        var name = value.Trim();
        if (name.Length == 0 || name.Length > MailFlowRules.NameLimit || name.Any(char.IsControl))
        {
            problems.Add(($"--rule-name: \"{value}\" must be 1 to {MailFlowRules.NameLimit} characters without control characters (Exchange allows 64, and a split adds a number).", ExitCodes.Usage));
        }

        return name;
    }

    // An option is a command-line mistake; a setting is a configuration problem.
    private static int Code(string source) => source.StartsWith("--", StringComparison.Ordinal) ? ExitCodes.Usage : ExitCodes.Configuration;

    private static string Sources(IServiceProvider services)
    {
        var regime = services.GetRequiredService<IOptions<RegimeOptions>>().Value;
        return $"{regime.Catalog} and {regime.Directory}";
    }
}
