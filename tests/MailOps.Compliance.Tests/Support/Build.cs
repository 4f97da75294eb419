using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Tests.Support;

/// <summary>Small regimes built in code around the shipped calendar, for rules the shipped catalog does not exercise alone.</summary>
internal static class Build
{
    public static ReportDefinition Report(string id, DeadlineRule rule, UnitKind owner = UnitKind.CityCrm, NonWorkingDayPolicy? policy = null) => new()
    {
        Id = id,
        Name = new LocalizedText(id, id),
        Category = ReportCategory.Routine,
        Owner = owner,
        SubmitterRole = "city.crm.manager",
        Channel = Channel.Email,
        Monitored = true,
        Enabled = true,
        Deadline = rule,
        NonWorkingDay = policy ?? rule.DefaultNonWorkingDay,
        To = ["group.cs"],
        Cc = [],
        Keywords = [[id]],
        Patterns = [],
        Content = ContentRequirements.None,
    };

    public static Unit Unit(string id = "u1", UnitKind kind = UnitKind.CityCrm) => new()
    {
        Id = id,
        Kind = kind,
        Name = new LocalizedText(id, id),
        Assessed = true,
        Submitters = new Dictionary<string, IReadOnlyList<string>> { ["city.crm.manager"] = [$"{id}@example.com"] },
        Roles = new Dictionary<string, IReadOnlyList<string>>(),
        Include = [],
        Exclude = [],
    };

    public static Regime Regime(IReadOnlyList<ReportDefinition> reports, IReadOnlyList<ProjectEvent>? events = null, params Unit[] units)
    {
        var directory = new OrganisationDirectory(
            new LocalizedText("集团", "Group"),
            new Dictionary<string, IReadOnlyList<string>> { ["group.cs"] = ["cs@hq.example.com"] },
            [],
            units.Length == 0 ? [Unit()] : units);
        return new Regime(new ReportCatalog(reports), directory, Shipped.Regime.Calendar, events ?? [], RegimeZone.Shanghai);
    }

    /// <summary>An event of unit u1; start and end are Shanghai local "yyyy-MM-dd HH:mm".</summary>
    public static ProjectEvent Event(string id, string kind, string start, string end, string unit = "u1") =>
        new(id, unit, "示例项目", kind, Dates.T(start), Dates.T(end));
}
