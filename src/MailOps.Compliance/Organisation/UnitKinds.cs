namespace MailOps.Compliance.Organisation;

/// <summary>The names of <see cref="UnitKind"/> in the configuration files and the JSON output.</summary>
public static class UnitKinds
{
    public static IReadOnlyDictionary<string, UnitKind> ByName { get; } = new Dictionary<string, UnitKind>
    {
        ["callcenter"] = UnitKind.CallCenter,
        ["property-warranty"] = UnitKind.PropertyWarranty,
        ["city-crm"] = UnitKind.CityCrm,
    };

    public static string Name(UnitKind kind) => ByName.First(p => p.Value == kind).Key;
}
