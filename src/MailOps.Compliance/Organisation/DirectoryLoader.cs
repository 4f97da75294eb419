using System.Net.Mail;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Organisation;

/// <summary>Builds the <see cref="OrganisationDirectory"/> from its file, checking references, role keys and addresses.</summary>
public static class DirectoryLoader
{
    public static LoadResult<OrganisationDirectory> Load(SourceText file)
    {
        var errors = new List<ConfigurationError>();
        var document = JsonDocuments.Read(file.Name, file.Text, ConfigurationJson.Default.DirectoryDocument, errors);
        if (document is null)
        {
            return LoadResult<OrganisationDirectory>.Failure(errors);
        }

        void Fail(string at, string message) => errors.Add(new ConfigurationError(file.Name, at, message));

        var groupRoles = ReadRoles("group.roles", document.Group?.Roles, role => RoleKeys.ScopeOf(role) == RoleScope.Group, "group.* or realestate.*", Fail);
        var companies = new List<Company>();
        var companyIds = new HashSet<string>(StringComparer.Ordinal);
        var companyDocs = document.Companies ?? [];
        for (var i = 0; i < companyDocs.Count; i++)
        {
            var c = companyDocs[i];
            var at = $"companies[{i}]" + (c.Id is null ? "" : $" ({c.Id})");
            if (c.Id is null || !CatalogLoader.IdPattern().IsMatch(c.Id))
            {
                Fail(at + ".id", $"\"{c.Id}\" is not an id (lower-case words joined by dashes)");
                continue;
            }

            if (!companyIds.Add(c.Id))
            {
                Fail(at + ".id", $"the id \"{c.Id}\" is used by an earlier company");
                continue;
            }

            CompanyKind? kind = c.Kind switch { "city" => CompanyKind.City, "property" => CompanyKind.Property, _ => null };
            if (kind is null)
            {
                Fail(at + ".kind", $"\"{c.Kind}\" is not one of city, property");
                continue;
            }

            var scope = kind == CompanyKind.City ? RoleScope.City : RoleScope.Property;
            var roles = ReadRoles(at + ".roles", c.Roles, role => RoleKeys.ScopeOf(role) == scope, kind == CompanyKind.City ? "city.*" : "property.*", Fail);
            companies.Add(new Company(c.Id, kind.Value, new LocalizedText(c.Name ?? c.Id, c.NameEn ?? c.Name ?? c.Id), roles));
        }

        var units = ReadUnits(document.Units ?? [], companies, Fail);
        if (units.Count == 0 && errors.Count == 0)
        {
            Fail("units", "the directory lists no units");
        }

        var name = new LocalizedText(document.Group?.Name ?? "集团", document.Group?.NameEn ?? "Group");
        return LoadResult<OrganisationDirectory>.From(new OrganisationDirectory(name, groupRoles, companies, units), errors);
    }

    private static List<Unit> ReadUnits(List<UnitDocument> docs, List<Company> companies, Action<string, string> fail)
    {
        var units = new List<Unit>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var submitterOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < docs.Count; i++)
        {
            var u = docs[i];
            var at = $"units[{i}]" + (u.Id is null ? "" : $" ({u.Id})");
            var failed = false;
            void Fail(string field, string message)
            {
                failed = true;
                fail($"{at}.{field}", message);
            }

            if (u.Id is null || !CatalogLoader.IdPattern().IsMatch(u.Id))
            {
                Fail("id", $"\"{u.Id}\" is not an id (lower-case words joined by dashes)");
            }
            else if (!ids.Add(u.Id))
            {
                Fail("id", $"the id \"{u.Id}\" is used by an earlier unit");
            }

            if (u.Kind is null || !UnitKinds.ByName.TryGetValue(u.Kind, out var kind))
            {
                Fail("kind", $"\"{u.Kind}\" is not one of {string.Join(", ", UnitKinds.ByName.Keys)}");
                kind = default;
            }

            CheckCompany(u.City, CompanyKind.City, "city", companies, Fail);
            CheckCompany(u.Property, CompanyKind.Property, "property", companies, Fail);
            var submitters = ReadRoles("submitters", u.Submitters, RoleKeys.IsWellFormed, "a role key", Fail);
            if (submitters.Count == 0)
            {
                Fail("submitters", "at least one submitter address is required: it is how mail is matched to the unit");
            }

            foreach (var address in submitters.Values.SelectMany(a => a).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (u.Id is not null && !submitterOf.TryAdd(address, u.Id))
                {
                    Fail("submitters", $"{address} already submits for {submitterOf[address]}; one address can submit for one unit only");
                }
            }

            var roles = ReadRoles("roles", u.Roles, RoleKeys.IsWellFormed, "a role key", Fail);
            if (!failed)
            {
                units.Add(new Unit
                {
                    Id = u.Id!,
                    Kind = kind,
                    Name = new LocalizedText(u.Name ?? u.Id!, u.NameEn ?? u.Name ?? u.Id!),
                    Assessed = u.Assessed ?? true,
                    CityCompany = u.City,
                    PropertyCompany = u.Property,
                    Submitters = submitters,
                    Roles = roles,
                    Include = u.Include ?? [],
                    Exclude = u.Exclude ?? [],
                });
            }
        }

        return units;
    }

    private static void CheckCompany(string? id, CompanyKind kind, string field, List<Company> companies, Action<string, string> fail)
    {
        if (id is null)
        {
            return;
        }

        var company = companies.Find(c => c.Id == id);
        if (company is null)
        {
            fail(field, $"no company \"{id}\" in companies");
        }
        else if (company.Kind != kind)
        {
            fail(field, $"\"{id}\" is a {company.Kind.ToString().ToLowerInvariant()} company, not a {kind.ToString().ToLowerInvariant()} company");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadRoles(
        string at,
        Dictionary<string, List<string>>? roles,
        Func<string, bool> allowed,
        string expected,
        Action<string, string> fail)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (role, addresses) in roles ?? [])
        {
            if (!allowed(role))
            {
                fail($"{at}.{role}", $"\"{role}\" is not a role key allowed here ({expected})");
                continue;
            }

            var valid = new List<string>();
            foreach (var address in addresses ?? [])
            {
                if (IsAddress(address))
                {
                    valid.Add(address.Trim().ToLowerInvariant());
                }
                else
                {
                    fail($"{at}.{role}", $"\"{address}\" is not an email address");
                }
            }

            if (valid.Count == 0 && (addresses ?? []).Count == 0)
            {
                fail($"{at}.{role}", "the role lists no address");
            }

            result[role] = valid;
        }

        return result;
    }

    private static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && MailAddress.TryCreate(text.Trim(), out var address)
        && address.Address == text.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);
}
