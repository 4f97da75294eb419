namespace MailOps.Compliance.Organisation;

/// <summary>Where a role key is resolved, read from its prefix.</summary>
public enum RoleScope
{
    /// <summary><c>group.*</c> and <c>realestate.*</c>: headquarters, one address set for the group.</summary>
    Group,

    /// <summary><c>city.*</c>: the unit's own city company.</summary>
    City,

    /// <summary><c>property.*</c>: the property company serving the unit.</summary>
    Property,

    /// <summary><c>callcenter.*</c>: people of the call center itself.</summary>
    CallCenter,
}

public static class RoleKeys
{
    public static RoleScope? ScopeOf(string role) => role.Split('.')[0] switch
    {
        "group" or "realestate" => RoleScope.Group,
        "city" => RoleScope.City,
        "property" => RoleScope.Property,
        "callcenter" => RoleScope.CallCenter,
        _ => null,
    };

    /// <summary>A role key is lower-case words joined by dots and dashes under a known scope, such as <c>city.crm.manager</c>.</summary>
    public static bool IsWellFormed(string role) =>
        ScopeOf(role) is not null
        && role.Split('.').Length >= 2
        && role.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')
        && !role.Contains("..", StringComparison.Ordinal) && !role.EndsWith('.');
}
