using Microsoft.Extensions.Options;

namespace MailOps.Worker.Mailboxes;

/// <summary>Which mailbox MailOps watches (section <c>MailOps:Mailbox</c>).</summary>
public sealed class MailboxOptions
{
    public const string Section = "MailOps:Mailbox";

    public const string Folder = "Folder";

    public const string Graph = "Graph";

    /// <summary><c>Folder</c> (the default: folders of .eml files, <c>MailOps:Mailbox:Folder</c>) or <c>Graph</c> (Exchange Online, <c>MailOps:Mailbox:Graph</c>).</summary>
    public string Kind { get; set; } = Folder;

    public bool IsGraph => string.Equals(Kind, Graph, StringComparison.OrdinalIgnoreCase);
}

internal sealed class MailboxOptionsValidator : IValidateOptions<MailboxOptions>
{
    public ValidateOptionsResult Validate(string? name, MailboxOptions options) =>
        string.Equals(options.Kind, MailboxOptions.Folder, StringComparison.OrdinalIgnoreCase) || options.IsGraph
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{MailboxOptions.Section}:Kind \"{options.Kind}\" is not a mailbox kind; use {MailboxOptions.Folder} or {MailboxOptions.Graph}.");
}
