using System.Text.Json;

namespace MailOps.CorpusGenerator.Regime;

/// <summary>
/// The shipped catalog and sample directory, read so that the corpus addresses the same roles the parser
/// resolves. Only what the generator needs: role addresses per unit, submitters, and each report's To, CC and
/// required content.
/// </summary>
internal sealed class RegimeData
{
    private static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Dictionary<string, string[]> _groupRoles;
    private readonly Dictionary<string, Dictionary<string, string[]>> _companyRoles;
    private readonly Dictionary<string, UnitData> _units;
    private readonly Dictionary<string, ReportData> _reports;

    private RegimeData(
        Dictionary<string, string[]> groupRoles,
        Dictionary<string, Dictionary<string, string[]>> companyRoles,
        Dictionary<string, UnitData> units,
        Dictionary<string, ReportData> reports)
    {
        _groupRoles = groupRoles;
        _companyRoles = companyRoles;
        _units = units;
        _reports = reports;
    }

    public IEnumerable<string> ReportIds => _reports.Keys;

    public static RegimeData Load(string repositoryRoot)
    {
        using var directory = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "samples", "organisation.json")), Json);
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "regime", "catalog.json")), Json);

        var root = directory.RootElement;
        var groupRoles = Roles(root.GetProperty("group").GetProperty("roles"));
        var companies = root.GetProperty("companies").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => Roles(c.GetProperty("roles")));
        var units = root.GetProperty("units").EnumerateArray().Select(UnitData.Read).ToDictionary(u => u.Id);
        var reports = catalog.RootElement.GetProperty("reports").EnumerateArray().Select(ReportData.Read).ToDictionary(r => r.Id);
        return new RegimeData(groupRoles, companies, units, reports);
    }

    public ReportData Report(string id) => _reports.TryGetValue(id, out var report) ? report : throw new ArgumentException($"no report {id} in the catalog");

    public UnitData Unit(string id) => _units.TryGetValue(id, out var unit) ? unit : throw new ArgumentException($"no unit {id} in the directory");

    /// <summary>The unit's own override first, then the role's scope: group.* and realestate.*, city.*, property.*.</summary>
    public IReadOnlyList<string> Resolve(string unitId, string role)
    {
        var unit = Unit(unitId);
        if (unit.Roles.TryGetValue(role, out var own))
        {
            return own;
        }

        var scope = role.StartsWith("city.", StringComparison.Ordinal) ? _companyRoles[unit.City]
            : role.StartsWith("property.", StringComparison.Ordinal) ? _companyRoles[unit.Property]
            : _groupRoles;
        return scope.TryGetValue(role, out var addresses) ? addresses : throw new ArgumentException($"role {role} does not resolve for {unitId}");
    }

    public string Submitter(string unitId, string role, int index = 0) => Unit(unitId).Submitters[role][index];

    private static Dictionary<string, string[]> Roles(JsonElement roles) =>
        roles.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(a => a.GetString()!).ToArray());

    internal sealed record UnitData(string Id, string Name, string City, string Property, Dictionary<string, string[]> Submitters, Dictionary<string, string[]> Roles)
    {
        public static UnitData Read(JsonElement unit) => new(
            unit.GetProperty("id").GetString()!,
            unit.GetProperty("name").GetString()!,
            unit.GetProperty("city").GetString()!,
            unit.GetProperty("property").GetString()!,
            RegimeData.Roles(unit.GetProperty("submitters")),
            unit.TryGetProperty("roles", out var roles) ? RegimeData.Roles(roles) : []);
    }
}

/// <summary>A workbook cell the catalog requires: sheet, A1 reference and its label.</summary>
internal sealed record WorkbookCell(string Sheet, string Cell, string Label);

internal sealed record ReportData(
    string Id,
    string Name,
    string Submitter,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> AttachmentExtensions,
    IReadOnlyList<WorkbookCell> Workbook)
{
    public static ReportData Read(JsonElement report)
    {
        var content = report.TryGetProperty("content", out var c) ? c : default;
        return new(
            report.GetProperty("id").GetString()!,
            report.GetProperty("name").GetString()!,
            report.GetProperty("submitter").GetString()!,
            Strings(report, "to"),
            Strings(report, "cc"),
            content.ValueKind == JsonValueKind.Object ? Strings(content, "fields") : [],
            content.ValueKind == JsonValueKind.Object && content.TryGetProperty("attachments", out var attachments)
                ? attachments.EnumerateArray().First().GetProperty("extensions").EnumerateArray().Select(e => e.GetString()!).ToArray()
                : [],
            content.ValueKind == JsonValueKind.Object && content.TryGetProperty("workbook", out var workbook)
                ? workbook.EnumerateArray().Select(w => new WorkbookCell(
                    w.GetProperty("sheet").GetString()!, w.GetProperty("cell").GetString()!, w.GetProperty("label").GetString()!)).ToArray()
                : []);
    }

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}
