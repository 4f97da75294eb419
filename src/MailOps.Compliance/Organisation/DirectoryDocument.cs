namespace MailOps.Compliance.Organisation;

/// <summary>The organisation directory as it is written (samples/organisation.json); see docs/regime.md.</summary>
internal sealed class DirectoryDocument
{
    public GroupDocument? Group { get; set; }

    public List<CompanyDocument>? Companies { get; set; }

    public List<UnitDocument>? Units { get; set; }
}

internal sealed class GroupDocument
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>Addresses per <c>group.*</c> and <c>realestate.*</c> role; any one address satisfies the role.</summary>
    public Dictionary<string, List<string>>? Roles { get; set; }
}

internal sealed class CompanyDocument
{
    public string? Id { get; set; }

    /// <summary><c>city</c> or <c>property</c>.</summary>
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>Addresses per <c>city.*</c> (city company) or <c>property.*</c> (property company) role.</summary>
    public Dictionary<string, List<string>>? Roles { get; set; }
}

internal sealed class UnitDocument
{
    public string? Id { get; set; }

    /// <summary><c>callcenter</c>, <c>property-warranty</c> or <c>city-crm</c>.</summary>
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>Whether the unit is scored (seed 000 assesses all three kinds); <c>true</c> by default.</summary>
    public bool? Assessed { get; set; }

    /// <summary>The city company whose <c>city.*</c> roles apply to this unit's reports.</summary>
    public string? City { get; set; }

    /// <summary>The property company whose <c>property.*</c> roles apply to this unit's reports.</summary>
    public string? Property { get; set; }

    /// <summary>Addresses per submitter role: who sends the unit's reports and receives its nudges.</summary>
    public Dictionary<string, List<string>>? Submitters { get; set; }

    /// <summary>Role addresses for this unit only, overriding its companies' and the group's.</summary>
    public Dictionary<string, List<string>>? Roles { get; set; }

    /// <summary>Reports this unit owes although they are not enabled by default (such as seed 004's extras).</summary>
    public List<string>? Include { get; set; }

    /// <summary>Reports this unit does not owe although its kind would.</summary>
    public List<string>? Exclude { get; set; }
}
