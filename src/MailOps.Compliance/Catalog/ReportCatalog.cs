namespace MailOps.Compliance.Catalog;

/// <summary>Every report of the regime, in catalog order, found by id.</summary>
public sealed class ReportCatalog
{
    private readonly Dictionary<string, ReportDefinition> _byId;

    public ReportCatalog(IReadOnlyList<ReportDefinition> reports)
    {
        Reports = reports;
        _byId = reports.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ReportDefinition> Reports { get; }

    public ReportDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public ReportDefinition this[string id] =>
        _byId.TryGetValue(id, out var report) ? report : throw new KeyNotFoundException($"No report '{id}' in the catalog.");
}
