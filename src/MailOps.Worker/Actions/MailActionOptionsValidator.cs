using System.Text;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Actions;

/// <summary>
/// Checks <see cref="MailActionOptions"/> at start, naming each bad setting by its key and value and what to write
/// instead; the signing key is named by its length, never shown. Half a configuration (reviewers without a key, a key
/// without reviewers) is an error rather than actions that silently never work.
/// </summary>
internal sealed class MailActionOptionsValidator : IValidateOptions<MailActionOptions>
{
    private const string S = MailActionOptions.Section;

    public ValidateOptionsResult Validate(string? name, MailActionOptions options)
    {
        var failures = new List<string>();
        var reviewers = options.Reviewers.Select(r => r?.Trim() ?? "").ToList();
        if (!options.Enabled)
        {
            if (reviewers.Count > 0)
            {
                failures.Add($"{S}:Reviewers names {reviewers.Count} reviewer(s) but {S}:SigningKey is empty, so no action would ever be mailed; put a random key of at least {MailActionOptions.MinKeyBytes} bytes (openssl rand -base64 32) in credentials/MailOps__Actions__SigningKey, or remove {S}:Reviewers.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Skip : ValidateOptionsResult.Fail(failures);
        }

        var bytes = Encoding.UTF8.GetByteCount(options.SigningKey!);
        if (bytes < MailActionOptions.MinKeyBytes)
        {
            failures.Add($"{S}:SigningKey is {bytes} byte(s) long (not shown), under the {MailActionOptions.MinKeyBytes} an HMAC-SHA256 key needs; write a random one such as openssl rand -base64 32 prints, in credentials/MailOps__Actions__SigningKey.");
        }

        if (reviewers.Count == 0)
        {
            failures.Add($"{S}:Reviewers is empty while {S}:SigningKey is set, so no one could act; list the reviewers' addresses, such as [\"li.ming@hq.example.com\"], or remove the key.");
        }

        foreach (var (reviewer, i) in reviewers.Select((r, i) => (r, i)))
        {
            if (!MimeKit.MailboxAddress.TryParse(reviewer, out var address) || address.Address != reviewer || !reviewer.Contains('@', StringComparison.Ordinal))
            {
                failures.Add($"{S}:Reviewers:{i} \"{reviewer}\" is not a bare mail address; write one such as li.ming@hq.example.com (no display name).");
            }
        }

        if (options.TokenLifetime < TimeSpan.FromHours(1) || options.TokenLifetime > TimeSpan.FromDays(31))
        {
            failures.Add($"{S}:TokenLifetime \"{options.TokenLifetime}\" is not from 01:00:00 to 31.00:00:00; write a duration such as 7.00:00:00 (a digest's actions stay good that long).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
