using System.Globalization;
using System.Text.Json.Nodes;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// An organisation directory file shaped like samples/organisation.json: the call center, some property warranty
/// departments and twice as many city CRM departments (100 units: 33 and 66; 1,000 units: 333 and 666), with one
/// city company per CRM department and one property company per warranty department (each serving two cities).
/// </summary>
internal static class ScenarioOrganisation
{
    /// <summary>The warranty and city CRM departments of an organisation of <paramref name="units"/> units, the call center among them.</summary>
    public static (int Warranty, int City) Split(int units) =>
        (units - 1) % 3 == 0 ? ((units - 1) / 3, 2 * (units - 1) / 3) : throw new ArgumentOutOfRangeException(nameof(units), units, "one more than a multiple of 3");

    private static readonly string[] GroupRoles =
    [
        "group.cs", "group.cs.all", "group.cs.gm", "group.management", "group.dept-gms", "group.engineering",
        "group.engineering.gm", "group.design", "group.design.gm", "group.marketing", "group.marketing.gm",
        "group.operations", "group.operations.gm", "group.procurement", "group.cost", "group.related-depts", "realestate.gm",
    ];

    private static readonly string[] CityRoles =
    [
        "city.gm", "city.gm-office", "city.all", "city.dept-heads", "city.crm", "city.crm.manager", "city.marketing",
        "city.design", "city.engineering", "city.engineering.lead", "city.project.lead", "city.warranty.supervisor",
        "city.operations", "city.operations.manager", "city.hr-admin", "city.hr-admin.manager", "city.finance",
        "city.responsible-dept", "city.related-depts",
    ];

    private static readonly string[] PropertyRoles =
    [
        "property.butler-center", "property.project.lead", "property.project.manager", "property.chair-gm",
        "property.management", "property.engineering", "property.sales-venue", "property.all",
    ];

    public static string CityUnitId(int index) => City(index) + "-crm";

    public static string Json(int units)
    {
        var (warrantyUnits, cityUnits) = Split(units);
        var companies = new JsonArray();
        for (var i = 0; i < cityUnits; i++)
        {
            companies.Add(Company(City(i), "city", Roles(CityRoles, City(i))));
        }

        for (var j = 0; j < warrantyUnits; j++)
        {
            companies.Add(Company(Property(j), "property", Roles(PropertyRoles, Property(j))));
        }

        var unitList = new JsonArray { CallCenter(cityUnits) };
        for (var j = 0; j < warrantyUnits; j++)
        {
            unitList.Add(Unit(Property(j) + "-warranty", "property-warranty", City(2 * j), Property(j), new JsonObject
            {
                ["property.warranty.head"] = Addresses($"warranty.head@{Domain(Property(j))}"),
            }));
        }

        for (var i = 0; i < cityUnits; i++)
        {
            var domain = Domain(City(i));
            var unit = Unit(CityUnitId(i), "city-crm", City(i), Property(i / 2), new JsonObject
            {
                ["city.crm.info-officer"] = Addresses($"crm.info@{domain}"),
                ["city.project.customer-manager"] = Addresses($"customer.manager.a@{domain}", $"customer.manager.b@{domain}"),
                ["city.crm.manager"] = Addresses($"crm.manager@{domain}"),
            });

            // As nj-crm in the sample, some units opt in to seed 004's extra report.
            if (i % 7 == 6)
            {
                unit["include"] = new JsonArray("complaint-analysis-monthly");
            }

            unitList.Add(unit);
        }

        var group = new JsonObject { ["name"] = "基准集团", ["nameEn"] = "Benchmark Group", ["roles"] = Roles(GroupRoles, "hq") };
        return new JsonObject { ["group"] = group, ["companies"] = companies, ["units"] = unitList }.ToJsonString();
    }

    private static JsonObject CallCenter(int cityUnits)
    {
        var crm = new JsonArray();
        for (var i = 0; i < cityUnits; i++)
        {
            crm.Add($"crm@{Domain(City(i))}");
        }

        var unit = Unit("callcenter", "callcenter", City(0), Property(0), new JsonObject
        {
            ["callcenter.duty"] = Addresses("duty.a@callcenter.example.com", "duty.b@callcenter.example.com"),
            ["callcenter.supervisor"] = Addresses("supervisor@callcenter.example.com"),
        });

        // The call center reports to every city's CRM department, as in the sample.
        unit["roles"] = new JsonObject { ["city.crm"] = crm };
        return unit;
    }

    private static JsonObject Company(string id, string kind, JsonObject roles) =>
        new() { ["id"] = id, ["kind"] = kind, ["name"] = id, ["nameEn"] = id, ["roles"] = roles };

    private static JsonObject Unit(string id, string kind, string city, string property, JsonObject submitters) =>
        new() { ["id"] = id, ["kind"] = kind, ["name"] = id, ["city"] = city, ["property"] = property, ["submitters"] = submitters };

    // One address per role, named after the role: city.crm.manager of city-07 is crm.manager@city-07.example.com.
    private static JsonObject Roles(IEnumerable<string> keys, string company)
    {
        var roles = new JsonObject();
        foreach (var key in keys)
        {
            roles[key] = Addresses($"{key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..]}@{Domain(company)}");
        }

        return roles;
    }

    private static JsonArray Addresses(params string[] addresses) => [.. addresses.Select(a => (JsonNode)JsonValue.Create(a))];

    private static string City(int index) => "city-" + (index + 1).ToString("00", CultureInfo.InvariantCulture);

    private static string Property(int index) => "property-" + (index + 1).ToString("00", CultureInfo.InvariantCulture);

    private static string Domain(string company) => company + ".example.com";
}
