using MailOps.Compliance.Common;

namespace MailOps.Compliance.Organisation;

/// <summary>The three kinds of department the regime assesses.</summary>
public enum UnitKind
{
    /// <summary>呼叫中心.</summary>
    CallCenter,

    /// <summary>物业公司房屋保修部.</summary>
    PropertyWarranty,

    /// <summary>城市公司客户关系部.</summary>
    CityCrm,
}

/// <summary>A department that owes reports, with the companies whose roles its reports go to.</summary>
public sealed record Unit
{
    public required string Id { get; init; }

    public required UnitKind Kind { get; init; }

    public required LocalizedText Name { get; init; }

    public required bool Assessed { get; init; }

    /// <summary>The city company whose <c>city.*</c> roles apply, if any.</summary>
    public string? CityCompany { get; init; }

    /// <summary>The property company whose <c>property.*</c> roles apply, if any.</summary>
    public string? PropertyCompany { get; init; }

    /// <summary>Addresses per submitter role.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Submitters { get; init; }

    /// <summary>Role addresses that override the companies' and the group's for this unit.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; init; }

    public required IReadOnlyList<string> Include { get; init; }

    public required IReadOnlyList<string> Exclude { get; init; }

    /// <summary>Every address that may submit for this unit, in any role.</summary>
    public IEnumerable<string> SubmitterAddresses => Submitters.Values.SelectMany(a => a).Distinct(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A city or property company: a scope of <c>city.*</c> or <c>property.*</c> roles.</summary>
public sealed record Company(string Id, CompanyKind Kind, LocalizedText Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Roles);

public enum CompanyKind
{
    City,
    Property,
}
