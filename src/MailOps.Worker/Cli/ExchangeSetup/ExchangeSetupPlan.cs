namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// What <c>mailops setup exchange</c> prints the PowerShell for. Only names: the app's id, never a secret or a
/// certificate; an id left null is printed as a placeholder the script refuses to run with.
/// </summary>
internal sealed record ExchangeSetupPlan
{
    public required string Mailbox { get; init; }

    /// <summary>The app registration's application (client) id.</summary>
    public string? AppId { get; init; }

    /// <summary>The object id of the app's enterprise application (its service principal), which Exchange's service principal points at.</summary>
    public string? ObjectId { get; init; }

    public required string RuleName { get; init; }

    /// <summary>A mailbox whose calendar MailOps reads, for <c>Application Calendars.Read</c>; null for none.</summary>
    public string? Calendar { get; init; }

    /// <summary>Another mailbox, where every grant must test out of scope; null to leave it for the administrator to fill in.</summary>
    public string? ControlMailbox { get; init; }

    /// <summary>Office 365 operated by 21Vianet: <c>Connect-ExchangeOnline -ExchangeEnvironmentName O365China</c>.</summary>
    public bool China { get; init; }

    public required string Sources { get; init; }
}
