using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace MailOps.Worker.Web;

/// <summary>
/// Who may do what: the reviewer role (or group) acts and reads, the reader role reads; anyone else signed in is
/// refused every page. Entra ID puts app roles in <c>roles</c> and groups in <c>groups</c>; the one-time link's
/// operator holds the reviewer role.
/// </summary>
internal static class ConsoleRights
{
    public const string Read = "mailops-read";
    public const string Act = "mailops-act";

    private static readonly string[] RoleClaims = [ClaimTypes.Role, "roles", "groups"];

    public static void AddPolicies(AuthorizationOptions authorization, ConsoleOptions options)
    {
        authorization.AddPolicy(Act, p => p.RequireAuthenticatedUser().RequireAssertion(c => Holds(c.User, options.ReviewerRole)));
        authorization.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireAssertion(c => Holds(c.User, options.ReviewerRole) || Holds(c.User, options.ReaderRole)));
        authorization.FallbackPolicy = authorization.GetPolicy(Read);
    }

    public static bool Holds(ClaimsPrincipal user, string roleOrGroup) =>
        user.Claims.Any(c => RoleClaims.Contains(c.Type, StringComparer.Ordinal) && string.Equals(c.Value, roleOrGroup, StringComparison.OrdinalIgnoreCase));

    /// <summary>The author an action is audited under: the person's name and sign-in address as the sign-in gave them.</summary>
    public static string Author(ClaimsPrincipal user)
    {
        var name = user.FindFirst("name")?.Value ?? user.Identity?.Name;
        var address = user.FindFirst("preferred_username")?.Value ?? user.FindFirst(ClaimTypes.Email)?.Value;
        return (name, address) switch
        {
            ({ Length: > 0 } n, { Length: > 0 } a) when !string.Equals(n, a, StringComparison.OrdinalIgnoreCase) => $"{n} <{a}>",
            ({ Length: > 0 } n, _) => n,
            (_, { Length: > 0 } a) => a,
            _ => "console",
        };
    }
}
