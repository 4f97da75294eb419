using System.Text.RegularExpressions;
using MailOps.Compliance.Organisation;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops setup exchange</c> over the sample directory and catalog: what it names, what it never prints, and that
/// PowerShell's own parser reads the script without an error and with no parameter its cmdlet lacks.
/// </summary>
public sealed class SetupCommandTests
{
    private const string AppId = "0b3c5e6f-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
    private const string ObjectId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    private const string Secret = "Wq8~s3cr3t.VALUE-not-to-print";
    private const string CertificatePassword = "pfx-pass-not-to-print";

    /// <summary>
    /// The parameters each cmdlet has, from its reference page (the syntax section; only those the script may use, and
    /// their near neighbours). A parameter the script passes that is not here fails the test.
    /// </summary>
    private static readonly Dictionary<string, (string Doc, string[] Parameters)> Cmdlets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Connect-ExchangeOnline"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/connect-exchangeonline",
            ["ConnectionUri", "AzureADAuthorizationEndpointUri", "ExchangeEnvironmentName", "DelegatedOrganization", "Prefix", "AppId", "Device", "Organization", "UserPrincipalName", "ShowBanner"]),
        ["New-TransportRule"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/new-transportrule",
            ["Name", "From", "FromMemberOf", "SenderAddressLocation", "SubjectContainsWords", "SubjectMatchesPatterns", "BlindCopyTo", "Comments", "Enabled", "Mode", "Priority", "ExceptIfHeaderContainsMessageHeader"]),
        ["Set-TransportRule"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/set-transportrule",
            ["Identity", "Name", "From", "FromMemberOf", "SenderAddressLocation", "SubjectContainsWords", "SubjectMatchesPatterns", "BlindCopyTo", "Comments", "Mode", "Priority"]),
        ["Get-TransportRule"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/get-transportrule", ["Identity"]),
        ["Add-DistributionGroupMember"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/add-distributiongroupmember",
            ["Identity", "Member", "BypassSecurityGroupManagerCheck", "Confirm", "WhatIf"]),
        ["Get-ServicePrincipal"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/get-serviceprincipal", ["Identity", "Organization"]),
        ["New-ServicePrincipal"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/new-serviceprincipal",
            ["AppId", "ObjectId", "ServiceId", "DisplayName", "Organization", "Confirm", "WhatIf"]),
        ["Get-ManagementScope"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/get-managementscope", ["Identity"]),
        ["New-ManagementScope"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/new-managementscope",
            ["Name", "RecipientRestrictionFilter", "RecipientRoot", "Exclusive", "Force", "Confirm", "WhatIf"]),
        ["Get-ManagementRoleAssignment"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/get-managementroleassignment", ["Identity"]),
        ["New-ManagementRoleAssignment"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/new-managementroleassignment",
            ["Name", "Role", "App", "CustomResourceScope", "RecipientAdministrativeUnitScope", "RecipientGroupScope", "Delegating", "Force", "Confirm", "WhatIf"]),
        ["Test-ServicePrincipalAuthorization"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/test-serviceprincipalauthorization",
            ["Identity", "Resource", "Confirm", "WhatIf"]),
        ["Get-InboxRule"] = ("https://learn.microsoft.com/powershell/module/exchangepowershell/get-inboxrule", ["Identity", "Mailbox", "IncludeHidden"]),

        // PowerShell's own (Microsoft.PowerShell.Core and .Utility).
        ["Where-Object"] = ("https://learn.microsoft.com/powershell/module/microsoft.powershell.core/where-object", ["Property", "Value", "EQ", "Like", "In"]),
        ["Format-Table"] = ("https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/format-table", ["Property", "AutoSize", "Wrap"]),
        ["Format-List"] = ("https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/format-list", ["Property"]),
    };

    private static readonly Dictionary<string, string?> Graph = new()
    {
        ["MailOps:Mailbox:Kind"] = "Graph",
        ["MailOps:Mailbox:Graph:TenantId"] = "hq.example.com",
        ["MailOps:Mailbox:Graph:ClientId"] = AppId,
        ["MailOps:Mailbox:Graph:Mailbox"] = "reports@hq.example.com",
        ["MailOps:Mailbox:Graph:Credential"] = "ClientSecret",
        ["MailOps:Mailbox:Graph:ClientSecret"] = Secret,
        ["MailOps:Mailbox:Graph:CertificatePath"] = "/etc/mailops/not-to-print.pfx",
        ["MailOps:Mailbox:Graph:CertificatePassword"] = CertificatePassword,
    };

    [Fact]
    public async Task SetupExchange_SampleDirectoryAndCatalog_NamesEverySubmitterAndEveryKeyword()
    {
        var run = await Support.Cli.RunAsync(Graph, "setup", "exchange", "--object-id", ObjectId);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty("both ids are known, so nothing is left as a placeholder");
        var regime = ShippedRegime.Regime;
        foreach (var address in regime.Directory.Units.SelectMany(u => u.SubmitterAddresses))
        {
            run.Out.Should().Contain($"'{address}'", "every submitter's mail is copied");
        }

        var owed = regime.Catalog.Reports.Where(r => regime.Directory.Units.Any(u => Compliance.Regime.Owes(u, r))).ToList();
        owed.Should().HaveCount(27, "the sample's units owe 27 of the 28 watched reports (project-progress-monthly is off)");
        var script = PowerShellScript.Parse(run.Out);
        var patterns = script.ArrayAssignedTo("subjectPatterns").Select(p => new Regex(p)).ToList();
        patterns.Should().NotBeEmpty();
        foreach (var group in owed.SelectMany(r => r.Keywords.Concat(MailOps.Worker.Cli.ExchangeSetup.ReportMail.EnglishName(r))))
        {
            run.Out.Should().Contain(string.Join(" + ", group), "the script lists every keyword group of the catalog");
            var subject = $"重庆公司{string.Join("（第47周）", group)}（11月23日）";
            patterns.Should().Contain(p => p.IsMatch(subject), $"a subject holding {string.Join(" and ", group)} between other characters is copied");
            if (group.Count > 1)
            {
                var reversed = $"关于{string.Join("和", group.Reverse())}";
                patterns.Should().Contain(p => p.IsMatch(reversed), "the parser takes a group's words in any order");
            }
        }

        script.StringAssignedTo("appId").Should().Be(AppId);
        script.StringAssignedTo("objectId").Should().Be(ObjectId);
        script.StringAssignedTo("mailbox").Should().Be("reports@hq.example.com");
        script.ArgumentsOf("New-ManagementRoleAssignment", "Role").Should().Equal("Application Mail.ReadWrite", "Application Mail.Send");
        script.ArgumentsOf("New-ManagementScope", "RecipientRestrictionFilter").Should().Equal("PrimarySmtpAddress -eq 'reports@hq.example.com'");
        script.Commands.Select(c => c.Command).Should().Contain(["New-TransportRule", "Set-TransportRule", "Test-ServicePrincipalAuthorization", "Get-InboxRule"]);
    }

    [Fact]
    public async Task SetupExchange_TraditionalSubject_IsCopiedLikeTheSimplifiedOne()
    {
        var run = await Support.Cli.RunAsync(Graph, "setup", "exchange");

        var patterns = PowerShellScript.Parse(run.Out).ArrayAssignedTo("subjectPatterns").Select(p => new Regex(p)).ToList();
        patterns.Should().Contain(p => p.IsMatch("重慶物業房屋保修部週報"), "the parser reads 週報 as 周报, so the rule must copy it");
        patterns.Should().Contain(p => p.IsMatch("客戶關係月報"));
        patterns.Should().NotContain(p => p.IsMatch("关于周末加班的通知"), "a subject with no keyword of the catalog is not copied");
        patterns.Should().NotContain(p => p.IsMatch("交付现场照片"), "one word of a group is not a report's subject");
    }

    [Fact]
    public async Task SetupExchange_SecretsInTheSettings_AreNeverPrinted()
    {
        var run = await Support.Cli.RunAsync(Graph, "setup", "exchange", "--object-id", ObjectId, "--calendar", "projects@hq.example.com");

        run.ExitCode.Should().Be(0, run.Error);
        foreach (var secret in new[] { Secret, CertificatePassword, "not-to-print" })
        {
            run.Out.Should().NotContain(secret);
            run.Error.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task SetupExchange_Script_ParsesWithoutErrorsAndCallsEachCmdletOnlyWithItsParameters()
    {
        var run = await Support.Cli.RunAsync(Graph, "setup", "exchange", "--object-id", ObjectId, "--calendar", "projects@hq.example.com", "--control-mailbox", "someone.else@hq.example.com");
        run.ExitCode.Should().Be(0, run.Error);

        // The membership lines are printed commented out; they must be right when uncommented too.
        var uncommented = Regex.Replace(run.Out, "^# (Add-DistributionGroupMember )", "$1", RegexOptions.Multiline);
        var script = PowerShellScript.Parse(uncommented);

        script.Errors.Should().BeEmpty();
        script.Commands.Should().NotBeEmpty();
        foreach (var (command, parameters) in script.Commands)
        {
            Cmdlets.Should().ContainKey(command, "every command the script calls is one whose reference was checked");
            var (doc, known) = Cmdlets[command];
            parameters.Where(p => !known.Contains(p, StringComparer.OrdinalIgnoreCase)).Should().BeEmpty($"{command} has only the parameters its reference lists ({doc})");
        }

        script.Commands.Count(c => c.Command == "Add-DistributionGroupMember").Should().BeGreaterThan(0);
        script.ArgumentsOf("New-ManagementRoleAssignment", "Role").Should().Contain("Application Calendars.Read");
        script.ArgumentsOf("New-ManagementScope", "RecipientRestrictionFilter").Should().Contain("PrimarySmtpAddress -eq 'projects@hq.example.com'");
        script.StringAssignedTo("controlMailbox").Should().Be("someone.else@hq.example.com");
    }

    [Fact]
    public async Task SetupExchange_QuotesInNames_StayInsideTheirStrings()
    {
        var settings = new Dictionary<string, string?>(Graph) { ["MailOps:Mailbox:Graph:Mailbox"] = "o'brien@hq.example.com" };

        var run = await Support.Cli.RunAsync(settings, "setup", "exchange", "--object-id", ObjectId, "--rule-name", "HQ's report copy ‘$(Remove-Item x)’");

        run.ExitCode.Should().Be(0, run.Error);
        var script = PowerShellScript.Parse(run.Out);
        script.Errors.Should().BeEmpty();
        script.StringAssignedTo("mailbox").Should().Be("o'brien@hq.example.com");
        script.StringAssignedTo("ruleName").Should().Be("HQ's report copy ‘$(Remove-Item x)’", "a verbatim string: nothing in it runs");
        script.ArgumentsOf("New-ManagementScope", "RecipientRestrictionFilter").Should().Equal("PrimarySmtpAddress -eq 'o''brien@hq.example.com'");
        script.Commands.Select(c => c.Command).Should().NotContain("Remove-Item");
    }

    [Fact]
    public async Task SetupExchange_ChinaCloud_ConnectsToThe21VianetEnvironment()
    {
        var settings = new Dictionary<string, string?>(Graph) { ["MailOps:Mailbox:Graph:Cloud"] = "China" };

        var run = await Support.Cli.RunAsync(settings, "setup", "exchange", "--object-id", ObjectId);

        run.Out.Should().Contain("Connect-ExchangeOnline -ExchangeEnvironmentName O365China");
    }

    [Fact]
    public async Task SetupExchange_NoIds_PrintsPlaceholdersTheScriptRefusesAndSaysSo()
    {
        var settings = new Dictionary<string, string?>(Graph) { ["MailOps:Mailbox:Graph:ClientId"] = null };

        var run = await Support.Cli.RunAsync(settings, "setup", "exchange");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("placeholders");
        var script = PowerShellScript.Parse(run.Out);
        script.Errors.Should().BeEmpty();
        script.StringAssignedTo("appId").Should().Be("APPLICATION-CLIENT-ID");
        run.Out.Should().Contain("throw 'Set $appId and $objectId");
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid", "--app-id: \"not-a-guid\" is not an id")]
    [InlineData("--mailbox", "reports at hq", "--mailbox: \"reports at hq\" is not an email address")]
    [InlineData("--rule-name", "a name far too long for Exchange Online, which allows a rule sixty-four characters", "--rule-name:")]
    public async Task SetupExchange_BadOption_IsACommandLineMistakeNamingIt(string option, string value, string message)
    {
        var run = await Support.Cli.RunAsync(Graph, "setup", "exchange", option, value);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task SetupExchange_GraphWithoutAMailbox_AsksForOne()
    {
        var settings = new Dictionary<string, string?>(Graph) { ["MailOps:Mailbox:Graph:Mailbox"] = null };

        var run = await Support.Cli.RunAsync(settings, "setup", "exchange");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--mailbox");
    }

    [Fact]
    public async Task SetupExchange_EmbeddedDefault_UsesTheFolderMailboxAddress()
    {
        var run = await Support.Cli.RunAsync("setup", "exchange");

        run.ExitCode.Should().Be(0, run.Error);
        PowerShellScript.Parse(run.Out).StringAssignedTo("mailbox").Should().Be("reports@hq.example.com");
    }

    [Fact]
    public void RoleScopes_OfTheSample_GroupCsIsNamedByNineteenReports()
    {
        // The issue's count: of the 27 owed reports, 8 name no group.cs (only group.cs.all or people at headquarters).
        var mail = MailOps.Worker.Cli.ExchangeSetup.ReportMail.Of(ShippedRegime.Regime);

        mail.Roles.Should().OnlyContain(r => RoleKeys.ScopeOf(r.Role) == RoleScope.Group);
        mail.Roles.Single(r => r.Role == "group.cs").Reports.Should().Be(19);
        mail.Reports.Count(r => !r.To.Concat(r.Cc).Contains("group.cs")).Should().Be(8);
    }
}
