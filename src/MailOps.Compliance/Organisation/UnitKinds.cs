using MailOps.Compliance.Common;

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

    /// <summary>What people call the units of a kind, together.</summary>
    public static LocalizedText PeopleName(UnitKind kind) => kind switch
    {
        UnitKind.CallCenter => new("呼叫中心", "Call center"),
        UnitKind.PropertyWarranty => new("物业公司房屋保修部", "Property warranty departments"),
        UnitKind.CityCrm => new("城市公司客户关系部", "City CRM departments"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
