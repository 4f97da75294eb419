using MailOps.Compliance.Common;

namespace MailOps.Compliance.Organisation;

/// <summary>
/// The units that owe reports and, for every role key, the addresses that satisfy it. A role is resolved for
/// a unit from the unit's own overrides first, then by its scope: the group, the unit's city company, or the
/// property company serving it.
/// </summary>
public sealed class OrganisationDirectory
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, Company> _companies;
    private readonly Dictionary<string, Unit> _unitBySubmitter;

    public OrganisationDirectory(
        LocalizedText groupName,
        IReadOnlyDictionary<string, IReadOnlyList<string>> groupRoles,
        IReadOnlyList<Company> companies,
        IReadOnlyList<Unit> units)
    {
        GroupName = groupName;
        GroupRoles = groupRoles;
        Companies = companies;
        Units = units;
        _units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _companies = companies.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _unitBySubmitter = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units)
        {
            foreach (var address in unit.SubmitterAddresses)
            {
                _unitBySubmitter.TryAdd(address, unit);
            }
        }
    }

    public LocalizedText GroupName { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupRoles { get; }

    public IReadOnlyList<Company> Companies { get; }

    public IReadOnlyList<Unit> Units { get; }

    public IEnumerable<Unit> AssessedUnits => Units.Where(u => u.Assessed);

    public Unit? FindUnit(string id) => _units.GetValueOrDefault(id);

    public Company? FindCompany(string id) => _companies.GetValueOrDefault(id);

    /// <summary>The unit an address submits for, if it is a known submitter.</summary>
    public Unit? UnitOfSubmitter(string address) => _unitBySubmitter.GetValueOrDefault(address);

    /// <summary>The addresses that satisfy <paramref name="role"/> for reports of <paramref name="unit"/>; empty when none is configured.</summary>
    public IReadOnlyList<string> Resolve(Unit unit, string role)
    {
        if (unit.Roles.TryGetValue(role, out var own))
        {
            return own;
        }

        var roles = RoleKeys.ScopeOf(role) switch
        {
            RoleScope.Group => GroupRoles,
            RoleScope.City => CompanyRoles(unit.CityCompany),
            RoleScope.Property => CompanyRoles(unit.PropertyCompany),
            RoleScope.CallCenter => unit.Submitters,
            _ => null,
        };

        return roles is not null && roles.TryGetValue(role, out var addresses) ? addresses : [];
    }

    private IReadOnlyDictionary<string, IReadOnlyList<string>>? CompanyRoles(string? companyId) =>
        companyId is not null && _companies.TryGetValue(companyId, out var company) ? company.Roles : null;
}
