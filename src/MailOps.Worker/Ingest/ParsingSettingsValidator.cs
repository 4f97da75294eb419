using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Ingest;

/// <summary>Checks <see cref="ParsingSettings"/> at start-up, naming each bad entry by its key and value and saying what it needs.</summary>
internal sealed partial class ParsingSettingsValidator : IValidateOptions<ParsingSettings>
{
    private const string S = ParsingSettings.Section;

    public ValidateOptionsResult Validate(string? name, ParsingSettings options)
    {
        var failures = new List<string>();
        foreach (var (id, i) in (options.TrustedAuthServIds ?? []).Select((id, i) => (id?.Trim() ?? "", i)))
        {
            var host = id.StartsWith("*.", StringComparison.Ordinal) ? id[2..] : id;
            if (!HostName().IsMatch(host))
            {
                failures.Add($"{S}:TrustedAuthServIds:{i} \"{id}\" is not an authserv-id; write the name that opens the receiving server's Authentication-Results (before the first \";\"), such as mx.microsoft.com, or *.name for the servers below a name, such as *.protection.outlook.com.");
            }
            else if (host.Length != id.Length && !host.Contains('.', StringComparison.Ordinal))
            {
                failures.Add($"{S}:TrustedAuthServIds:{i} \"{id}\" trusts every server under a top-level domain, including a sender's own; name the receiving servers' domain, such as *.protection.outlook.com.");
            }
        }

        foreach (var (domain, i) in (options.InternalDomains ?? []).Select((d, i) => (d?.Trim() ?? "", i)))
        {
            if (!HostName().IsMatch(domain) || !domain.Contains('.', StringComparison.Ordinal))
            {
                failures.Add($"{S}:InternalDomains:{i} \"{domain}\" is not a domain name; write the part after the @ of an internal address, such as hq.example.com, or leave the list out to use every domain of the directory.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Labels of letters, digits and inner hyphens, dot-separated.
    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();
}
